using Intranet.Core.Requests;

namespace Intranet.Core.Dashboard;

/// <summary>What a dashboard shows: the whole municipality, or one directorate, optionally narrowed by category and dates.</summary>
/// <param name="From">Istanbul day; with <paramref name="To"/> it limits the trend and mixes (default: the last 30 days).</param>
public sealed record DashboardScope(int? DirectorateId = null, int? CategoryId = null, DateOnly? From = null, DateOnly? To = null)
{
    public static readonly DashboardScope Municipality = new();
}

public sealed record CountRow(int Id, string Name, int Open, int Overdue);

public sealed record DirectorateRow(int Id, string Name, int Open, int Overdue, double? MedianResolutionHours, double? ShareWithinDeadline, int Resolved);

public sealed record OldestRow(int Id, string Number, string Category, string Neighbourhood, DateTime CreatedAt, DateTime DueAt);

public sealed record TrendPoint(DateOnly Day, int New, int Closed);

public sealed record MixRow(string Name, int Count);

public sealed record HeadlineNumbers(int Open, int Overdue, int NewToday, int NewThisWeek, int ClosedToday, int ClosedThisWeek);

/// <summary>
/// Every number of one dashboard scope, computed together and shared by all screens that show that scope.
/// <see cref="Version"/> grows with each recomputation so a screen can tell new data from old.
/// </summary>
public sealed record DashboardSnapshot(
    DashboardScope Scope,
    HeadlineNumbers Headline,
    IReadOnlyList<CountRow> ByNeighbourhood,
    IReadOnlyList<DirectorateRow> ByDirectorate,
    IReadOnlyList<OldestRow> OldestOpen,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<MixRow> ChannelMix,
    IReadOnlyList<MixRow> CategoryMix,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    DateTime ComputedAt,
    long Version)
{
    /// <summary>
    /// On a snapshot pushed because of changes: when the oldest of them was published, so the screen that draws it
    /// can report the change-to-screen time. Null on a snapshot read for a screen that opens or a periodic reload.
    /// </summary>
    public DateTime? ChangedAt { get; init; }
}
