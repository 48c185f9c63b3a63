using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Citizens;

internal sealed class CitizenConfiguration : IEntityTypeConfiguration<Citizen>
{
    public void Configure(EntityTypeBuilder<Citizen> b)
    {
        b.Property(x => x.FullName).HasMaxLength(160);
        b.Property(x => x.Phone).HasMaxLength(11);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.TcKimlikNo).HasMaxLength(11);
        b.HasIndex(x => x.Phone);
        b.HasIndex(x => x.TcKimlikNo);
        b.HasOne<Neighbourhood>().WithMany().HasForeignKey(x => x.NeighbourhoodId).OnDelete(DeleteBehavior.SetNull);
    }
}
