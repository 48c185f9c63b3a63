using Intranet.Core.Common;

namespace Intranet.Core.Calendar;

/// <summary>
/// Free time in the mayor's programme: half-hour starts within working hours (08:30–17:30, 12:30 on an eve), never on
/// weekends or public holidays, never over the lunch break, never overlapping an event the mayor attends.
/// </summary>
public static class FreeSlots
{
    public static readonly TimeOnly LunchFrom = new(12, 30), LunchTo = new(13, 30);
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    /// <summary>The first <paramref name="count"/> free starts at or after <paramref name="fromUtc"/>, looking at most <paramref name="days"/> days ahead.</summary>
    public static IReadOnlyList<DateTime> Find(WorkingCalendar calendar, IReadOnlyList<OccurrenceTime> busy, DateTime fromUtc, TimeSpan duration, int count, int days = 60)
    {
        var slots = new List<DateTime>();
        var earliest = IstanbulTime.ToLocal(fromUtc);
        var date = DateOnly.FromDateTime(earliest);
        for (var d = 0; d < days && slots.Count < count; d++, date = date.AddDays(1))
        {
            if (!calendar.IsWorkingDay(date)) continue;
            var close = date.ToDateTime(calendar.IsHalfDay(date) ? WorkingCalendar.HalfDayClosesAt : WorkingCalendar.ClosesAt);
            for (var start = date.ToDateTime(WorkingCalendar.OpensAt); start + duration <= close && slots.Count < count; start += Step)
            {
                if (start < earliest || OverlapsLunch(start, start + duration)) continue;
                var utc = IstanbulTime.ToUtc(start);
                if (!Overlaps(busy, utc, utc + duration)) slots.Add(utc);
            }
        }
        return slots;
    }

    /// <summary>Whether the mayor can see someone from <paramref name="startUtc"/> for <paramref name="duration"/>: the walk-in question.</summary>
    public static bool IsFree(WorkingCalendar calendar, IReadOnlyList<OccurrenceTime> busy, DateTime startUtc, TimeSpan duration)
    {
        var start = IstanbulTime.ToLocal(startUtc);
        var date = DateOnly.FromDateTime(start);
        if (!calendar.IsWorkingDay(date)) return false;
        var open = date.ToDateTime(WorkingCalendar.OpensAt);
        var close = date.ToDateTime(calendar.IsHalfDay(date) ? WorkingCalendar.HalfDayClosesAt : WorkingCalendar.ClosesAt);
        return start >= open && start + duration <= close && !OverlapsLunch(start, start + duration)
               && !Overlaps(busy, startUtc, startUtc + duration);
    }

    private static bool OverlapsLunch(DateTime start, DateTime end)
    {
        var day = DateOnly.FromDateTime(start);
        return start < day.ToDateTime(LunchTo) && end > day.ToDateTime(LunchFrom);
    }

    private static bool Overlaps(IReadOnlyList<OccurrenceTime> busy, DateTime fromUtc, DateTime toUtc) =>
        busy.Any(b => b.Overlaps(fromUtc, toUtc));
}
