using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Performance;

internal sealed class PerformanceIndicatorConfiguration : IEntityTypeConfiguration<PerformanceIndicator>
{
    public void Configure(EntityTypeBuilder<PerformanceIndicator> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasOne<Directorate>().WithMany().HasForeignKey(x => x.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Targets).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Actuals).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> b) => b.HasIndex(x => new { x.IndicatorId, x.Year }).IsUnique();
}

internal sealed class IndicatorActualConfiguration : IEntityTypeConfiguration<IndicatorActual>
{
    public void Configure(EntityTypeBuilder<IndicatorActual> b)
    {
        b.Property(x => x.Explanation).HasMaxLength(4000);
        b.HasIndex(x => new { x.IndicatorId, x.Year, x.Period }).IsUnique();
    }
}
