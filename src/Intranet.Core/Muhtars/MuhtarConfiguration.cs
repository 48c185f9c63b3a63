using Intranet.Core.Calendar;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Muhtars;

/// <summary>The feature's tables, reached as <c>db.Muhtars</c> etc. without widening <see cref="IntranetDbContext"/>.</summary>
public static class MuhtarSets
{
    extension(IntranetDbContext db)
    {
        public DbSet<Muhtar> Muhtars => db.Set<Muhtar>();
        public DbSet<MuhtarMember> MuhtarMembers => db.Set<MuhtarMember>();
        public DbSet<MuhtarContact> MuhtarContacts => db.Set<MuhtarContact>();
        public DbSet<MuhtarVisit> MuhtarVisits => db.Set<MuhtarVisit>();
        public DbSet<VisitNeighbourhood> VisitNeighbourhoods => db.Set<VisitNeighbourhood>();
        public DbSet<VisitAttendee> VisitAttendees => db.Set<VisitAttendee>();
        public DbSet<VisitRequest> VisitRequests => db.Set<VisitRequest>();
        public DbSet<VisitFollowUp> VisitFollowUps => db.Set<VisitFollowUp>();
        public DbSet<Announcement> Announcements => db.Set<Announcement>();
        public DbSet<MessageDelivery> MessageDeliveries => db.Set<MessageDelivery>();
    }
}

internal sealed class MuhtarConfiguration : IEntityTypeConfiguration<Muhtar>
{
    public void Configure(EntityTypeBuilder<Muhtar> b)
    {
        b.Property(x => x.FullName).HasMaxLength(160);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.OfficeAddress).HasMaxLength(400);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.HasIndex(x => new { x.NeighbourhoodId, x.TermStart }).IsUnique();
        b.HasOne(x => x.Neighbourhood).WithMany().HasForeignKey(x => x.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.MuhtarId).OnDelete(DeleteBehavior.Cascade);
        // Requests brought by a muhtar name them (Request.MuhtarId); configured here so the request model stays as it was.
        b.HasMany<Request>().WithOne().HasForeignKey(r => r.MuhtarId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MuhtarMemberConfiguration : IEntityTypeConfiguration<MuhtarMember>
{
    public void Configure(EntityTypeBuilder<MuhtarMember> b)
    {
        b.Property(x => x.FullName).HasMaxLength(160);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.HasIndex(x => new { x.MuhtarId, x.Seat }).IsUnique();
    }
}

internal sealed class MuhtarContactConfiguration : IEntityTypeConfiguration<MuhtarContact>
{
    public void Configure(EntityTypeBuilder<MuhtarContact> b)
    {
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.RecordedBy).HasMaxLength(160);
        b.HasIndex(x => new { x.MuhtarId, x.At });
        b.HasOne<Muhtar>().WithMany().HasForeignKey(x => x.MuhtarId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MuhtarVisitConfiguration : IEntityTypeConfiguration<MuhtarVisit>
{
    public void Configure(EntityTypeBuilder<MuhtarVisit> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Place).HasMaxLength(300);
        b.Property(x => x.Minutes).HasMaxLength(8000);
        b.Property(x => x.CreatedBy).HasMaxLength(160);
        b.HasIndex(x => x.StartsAt);
        b.HasMany(x => x.Neighbourhoods).WithOne().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attendees).WithOne().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.CalendarEvent).WithMany().HasForeignKey(x => x.CalendarEventId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class VisitNeighbourhoodConfiguration : IEntityTypeConfiguration<VisitNeighbourhood>
{
    public void Configure(EntityTypeBuilder<VisitNeighbourhood> b)
    {
        b.HasIndex(x => new { x.VisitId, x.NeighbourhoodId }).IsUnique();
        b.HasIndex(x => x.NeighbourhoodId);
        b.HasOne<Neighbourhood>().WithMany().HasForeignKey(x => x.NeighbourhoodId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitAttendeeConfiguration : IEntityTypeConfiguration<VisitAttendee>
{
    public void Configure(EntityTypeBuilder<VisitAttendee> b)
    {
        b.Property(x => x.FullName).HasMaxLength(160);
        b.Property(x => x.Title).HasMaxLength(160);
        b.HasOne<Muhtar>().WithMany().HasForeignKey(x => x.MuhtarId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class VisitRequestConfiguration : IEntityTypeConfiguration<VisitRequest>
{
    public void Configure(EntityTypeBuilder<VisitRequest> b)
    {
        // A request is raised at one visit only.
        b.HasIndex(x => x.RequestId).IsUnique();
        b.HasIndex(x => x.VisitId);
        b.HasOne<MuhtarVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Request>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VisitFollowUpConfiguration : IEntityTypeConfiguration<VisitFollowUp>
{
    public void Configure(EntityTypeBuilder<VisitFollowUp> b)
    {
        b.Property(x => x.RequestedBy).HasMaxLength(160);
        b.Property(x => x.ReportedBy).HasMaxLength(160);
        b.Property(x => x.Report).HasMaxLength(8000);
        b.HasIndex(x => new { x.VisitId, x.DirectorateId }).IsUnique();
        b.HasIndex(x => new { x.DirectorateId, x.ReportedAt });
        b.HasOne<MuhtarVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Directorate>().WithMany().HasForeignKey(x => x.DirectorateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> b)
    {
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Subject).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(160);
        // The idempotency key: the same compose form or the same visit notice is one announcement.
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => x.CreatedAt);
        b.HasOne<MuhtarVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MessageDeliveryConfiguration : IEntityTypeConfiguration<MessageDelivery>
{
    public void Configure(EntityTypeBuilder<MessageDelivery> b)
    {
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(1000);
        // The outbox key: one delivery per recipient and channel of an announcement.
        b.HasIndex(x => new { x.AnnouncementId, x.MuhtarId, x.Channel }).IsUnique();
        b.HasIndex(x => x.MuhtarId);
        b.HasOne<Announcement>().WithMany().HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Muhtar>().WithMany().HasForeignKey(x => x.MuhtarId).OnDelete(DeleteBehavior.Restrict);
    }
}
