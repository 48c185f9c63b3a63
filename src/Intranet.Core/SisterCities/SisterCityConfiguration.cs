using Intranet.Core.Correspondence;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.SisterCities;

public static class SisterCitySets
{
    extension(IntranetDbContext db)
    {
        public DbSet<SisterCity> SisterCities => db.Set<SisterCity>();
        public DbSet<SisterCityStepRecord> SisterCitySteps => db.Set<SisterCityStepRecord>();
        public DbSet<SisterCityActivity> SisterCityActivities => db.Set<SisterCityActivity>();
    }
}

internal sealed class SisterCityConfiguration : IEntityTypeConfiguration<SisterCity>
{
    public void Configure(EntityTypeBuilder<SisterCity> b)
    {
        b.ToTable("SisterCities");
        b.Property(x => x.Country).HasMaxLength(100);
        b.Property(x => x.City).HasMaxLength(120);
        b.Property(x => x.ContactName).HasMaxLength(160);
        b.Property(x => x.ContactEmail).HasMaxLength(200);
        b.Property(x => x.ContactPhone).HasMaxLength(40);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.HasIndex(x => new { x.Country, x.City }).IsUnique();
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.SisterCityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Activities).WithOne().HasForeignKey(x => x.SisterCityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SisterCityStepConfiguration : IEntityTypeConfiguration<SisterCityStepRecord>
{
    public void Configure(EntityTypeBuilder<SisterCityStepRecord> b)
    {
        b.ToTable("SisterCitySteps");
        b.Property(x => x.DocumentReference).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.HasIndex(x => new { x.SisterCityId, x.Step }).IsUnique();
        b.HasOne<RegisterEntry>().WithMany().HasForeignKey(x => x.RegisterEntryId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SisterCityActivityConfiguration : IEntityTypeConfiguration<SisterCityActivity>
{
    public void Configure(EntityTypeBuilder<SisterCityActivity> b)
    {
        b.ToTable("SisterCityActivities");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.HasIndex(x => new { x.SisterCityId, x.Date });
    }
}
