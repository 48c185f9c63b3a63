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
        b.Property(x => x.ProtocolNotes).HasMaxLength(4000);
        b.Property(x => x.Guests).HasMaxLength(4000);
        b.HasIndex(x => new { x.StartsAt, x.EndsAt });
        b.HasOne<Directorate>().WithMany().HasForeignKey(x => x.DirectorateId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Neighbourhood>().WithMany().HasForeignKey(x => x.NeighbourhoodId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.Property(x => x.RequesterName).HasMaxLength(160);
        b.Property(x => x.Subject).HasMaxLength(1000);
        b.Property(x => x.Outcome).HasMaxLength(4000);
        b.HasIndex(x => new { x.Status, x.RequestedAt });
        b.HasOne<CalendarEvent>().WithMany().HasForeignKey(x => x.CalendarEventId).OnDelete(DeleteBehavior.SetNull);
    }
}
