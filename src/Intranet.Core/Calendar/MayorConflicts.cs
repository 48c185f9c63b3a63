using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Calendar;

/// <summary>An occurrence of the event being saved that overlaps another event the mayor attends.</summary>
public sealed record MayorConflict(DateTime StartsAt, DateTime EndsAt, int OtherEventId, string OtherTitle, DateTime OtherStartsAt, DateTime OtherEndsAt);

/// <summary>
/// The save would put the mayor in two places at once. Thrown before anything is saved, unless the user confirmed;
/// the dialog shows the list and offers to save anyway (a short greeting at an opening can overlap a meeting).
/// </summary>
public sealed class MayorConflictException(IReadOnlyList<MayorConflict> conflicts)
    : Exception($"Başkanın programında {conflicts.Count} çakışma var: {string.Join("; ", conflicts.Take(3).Select(Describe))}")
{
    public IReadOnlyList<MayorConflict> Conflicts { get; } = conflicts;

    public static string Describe(MayorConflict c) =>
        $"{IstanbulTime.Format(c.StartsAt)} — \"{c.OtherTitle}\" ({IstanbulTime.ToLocal(c.OtherStartsAt):HH:mm}–{IstanbulTime.ToLocal(c.OtherEndsAt):HH:mm})";
}

/// <summary>Finds overlaps in the mayor's programme over expanded occurrences (a weekly series against a one-off, and so on).</summary>
public static class MayorConflicts
{
    /// <summary>How far ahead a never-ending series is checked, and how many of its occurrences at most.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(366);
    public const int MaxOccurrences = 200;
    public const string HiddenTitle = "Başkanın programında başka bir etkinlik (ayrıntısını görme yetkiniz yok)";

    /// <summary>
    /// Conflicts of <paramref name="draft"/> (saved or not) with every other event the mayor attends. The event itself,
    /// and occurrences detached from it, are not counted against it.
    /// </summary>
    public static async Task<IReadOnlyList<MayorConflict>> FindAsync(IntranetDbContext db, CalendarEvent draft, int? sameEventId, UserContext viewer, CancellationToken ct)
    {
        if (!draft.MayorAttends) return [];
        var horizonEnd = draft.StartsAt + Horizon;
        var mine = RecurrenceExpander.Expand(draft, draft.StartsAt, horizonEnd).Take(MaxOccurrences).ToList();
        if (mine.Count == 0) return [];
        var (from, to) = (mine[0].StartsAt, mine.Max(o => o.EndsAt));

        var others = await db.CalendarEvents.AsNoTracking()
            .Where(e => e.MayorAttends && e.Id != sameEventId && (e.SeriesId == null || e.SeriesId != sameEventId))
            .InRange(from, to).ToListAsync(ct);
        var conflicts = new List<MayorConflict>();
        foreach (var other in others)
        {
            var title = CalendarPermissions.CanView(viewer, other.IsPublic, other.DirectorateId) ? other.Title : HiddenTitle;
            foreach (var theirs in RecurrenceExpander.Expand(other, from, to))
            foreach (var ours in mine.Where(o => o.Overlaps(theirs.StartsAt, theirs.EndsAt)))
                conflicts.Add(new MayorConflict(ours.StartsAt, ours.EndsAt, other.Id, title, theirs.StartsAt, theirs.EndsAt));
        }
        return conflicts.OrderBy(c => c.StartsAt).ThenBy(c => c.OtherStartsAt).ToList();
    }

    /// <summary>Busy periods of the mayor in a range: what free-slot search avoids.</summary>
    public static async Task<IReadOnlyList<OccurrenceTime>> BusyAsync(IntranetDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var events = await db.CalendarEvents.AsNoTracking().Where(e => e.MayorAttends).InRange(fromUtc, toUtc).ToListAsync(ct);
        return events.SelectMany(e => RecurrenceExpander.Expand(e, fromUtc, toUtc)).OrderBy(o => o.StartsAt).ToList();
    }
}
