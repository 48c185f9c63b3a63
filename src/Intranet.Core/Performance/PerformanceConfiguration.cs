using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Performance;

internal sealed class StrategicPlanConfiguration : IEntityTypeConfiguration<StrategicPlan>
{
    public void Configure(EntityTypeBuilder<StrategicPlan> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasMany(x => x.Goals).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StrategicGoalConfiguration : IEntityTypeConfiguration<StrategicGoal>
{
    public void Configure(EntityTypeBuilder<StrategicGoal> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(500);
        b.HasIndex(x => new { x.PlanId, x.Code }).IsUnique();
        b.HasMany(x => x.Objectives).WithOne().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StrategicObjectiveConfiguration : IEntityTypeConfiguration<StrategicObjective>
{
    public void Configure(EntityTypeBuilder<StrategicObjective> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(500);
        b.HasIndex(x => new { x.GoalId, x.Code }).IsUnique();
        b.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PerformanceIndicatorConfiguration : IEntityTypeConfiguration<PerformanceIndicator>
{
    public void Configure(EntityTypeBuilder<PerformanceIndicator> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.Unit).HasMaxLength(32);
        b.Property(x => x.DataSource).HasMaxLength(500);
        b.Property(x => x.Formula).HasMaxLength(1000);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.DirectorateId);
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
        b.Property(x => x.EnteredBy).HasMaxLength(160);
        b.Property(x => x.ApprovedBy).HasMaxLength(160);
        b.HasIndex(x => new { x.IndicatorId, x.Year, x.Period }).IsUnique();
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.ActualId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorActualLogConfiguration : IEntityTypeConfiguration<IndicatorActualLog>
{
    public void Configure(EntityTypeBuilder<IndicatorActualLog> b)
    {
        b.Property(x => x.UserName).HasMaxLength(160);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.HasIndex(x => new { x.ActualId, x.At });
        b.HasOne<IndicatorActual>().WithMany().HasForeignKey(x => x.ActualId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorEvidenceConfiguration : IEntityTypeConfiguration<IndicatorEvidence>
{
    public void Configure(EntityTypeBuilder<IndicatorEvidence> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(160);
    }
}
