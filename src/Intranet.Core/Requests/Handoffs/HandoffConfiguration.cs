using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Requests.Handoffs;

internal sealed class OutsideBodyConfiguration : IEntityTypeConfiguration<OutsideBody>
{
    public void Configure(EntityTypeBuilder<OutsideBody> b)
    {
        b.ToTable("OutsideBodies");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.ContactName).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Email).HasMaxLength(320);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class RequestHandoffConfiguration : IEntityTypeConfiguration<RequestHandoff>
{
    public void Configure(EntityTypeBuilder<RequestHandoff> b)
    {
        b.ToTable("RequestHandoffs");
        b.Property(x => x.LetterSubject).HasMaxLength(300);
        b.Property(x => x.LetterText).HasMaxLength(6000);
        b.Property(x => x.CitizenText).HasMaxLength(1000);
        b.Property(x => x.ForwardedBy).HasMaxLength(160);
        b.Property(x => x.BodyResponse).HasMaxLength(4000);
        b.HasIndex(x => x.RequestId);
        // The follow-up list: due dates not yet followed up.
        b.HasIndex(x => new { x.FollowUpDoneAt, x.FollowUpOn });
        b.HasOne(x => x.Request).WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.OutsideBody).WithMany().HasForeignKey(x => x.OutsideBodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The tables as properties of the context, kept here so the feature adds no line to the shared context file.</summary>
public static class HandoffData
{
    extension(IntranetDbContext db)
    {
        public DbSet<OutsideBody> OutsideBodies => db.Set<OutsideBody>();
        public DbSet<RequestHandoff> RequestHandoffs => db.Set<RequestHandoff>();
    }
}
