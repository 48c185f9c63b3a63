using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Organization;

internal sealed class DirectorateConfiguration : IEntityTypeConfiguration<Directorate>
{
    public void Configure(EntityTypeBuilder<Directorate> b)
    {
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Code).HasMaxLength(16);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class NeighbourhoodConfiguration : IEntityTypeConfiguration<Neighbourhood>
{
    public void Configure(EntityTypeBuilder<Neighbourhood> b)
    {
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.SearchKey).HasMaxLength(120);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasIndex(x => x.SearchKey);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.Property(x => x.Name).HasMaxLength(160);
        b.Property(x => x.SearchKey).HasMaxLength(160);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasOne(x => x.DefaultDirectorate).WithMany().HasForeignKey(x => x.DefaultDirectorateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("Users");
        b.Property(x => x.ObjectId).HasMaxLength(64);
        b.Property(x => x.DisplayName).HasMaxLength(160);
        b.Property(x => x.Roles).HasMaxLength(200);
        b.HasIndex(x => x.ObjectId).IsUnique();
        b.HasOne(x => x.Directorate).WithMany().HasForeignKey(x => x.DirectorateId).OnDelete(DeleteBehavior.SetNull);
    }
}
