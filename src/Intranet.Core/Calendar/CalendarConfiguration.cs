using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Calendar;

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> b)
    {
        b.Property(x => x.Name).HasMaxLength(120);
        b.HasIndex(x => x.Date).IsUnique();
    }
}

internal sealed class CalendarEventConfiguration : IEntityTypeConfiguration<CalendarEvent>
{
    public void Configure(EntityTypeBuilder<CalendarEvent> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.ProtocolNotes).HasMaxLength(4000);
        b.Property(x => x.Guests).HasMaxLength(4000);
        b.Property(x => x.RecurrenceRule).HasMaxLength(500);
        b.Property(x => x.ExceptionDates).HasMaxLength(8000);
        b.Property(x => x.ImportUid).HasMaxLength(300);
        b.HasIndex(x => new { x.StartsAt, x.EndsAt });
        b.HasIndex(x => new { x.DirectorateId, x.ImportUid });
        b.HasOne<Directorate>().WithMany().HasForeignKey(x => x.DirectorateId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Neighbourhood>().WithMany().HasForeignKey(x => x.NeighbourhoodId).OnDelete(DeleteBehavior.SetNull);
        // SQL Server refuses cascading self-references: the service deletes a series' detached occurrences itself.
        b.HasOne<CalendarEvent>().WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.Property(x => x.RequesterName).HasMaxLength(160);
        b.Property(x => x.Institution).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.PreferredDates).HasMaxLength(500);
        b.Property(x => x.Subject).HasMaxLength(1000);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Outcome).HasMaxLength(4000);
        b.HasIndex(x => new { x.Status, x.RequestedAt });
        b.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.CalendarEventId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AppointmentMessageConfiguration : IEntityTypeConfiguration<AppointmentMessage>
{
    public void Configure(EntityTypeBuilder<AppointmentMessage> b)
    {
        b.Property(x => x.Recipient).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.Error).HasMaxLength(1000);
        b.Property(x => x.SentBy).HasMaxLength(160);
        b.HasIndex(x => x.AppointmentId);
        b.HasOne<Appointment>().WithMany().HasForeignKey(x => x.AppointmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Types).HasMaxLength(100);
        b.Ignore(x => x.Filter);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Directorate>().WithMany().HasForeignKey(x => x.DirectorateId).OnDelete(DeleteBehavior.SetNull);
    }
}
