using Intranet.Core.Common;
using Intranet.Core.Requests;

namespace Intranet.Core.Dashboard;

/// <summary>
/// The raw counts behind one dashboard scope, loaded from the database by <see cref="DashboardQueries"/> and then kept
/// current by applying each <see cref="RequestChange"/>: the request's old facts are counted out, its new ones counted
/// in, against the same <see cref="Frame"/>. Applying a change costs microseconds, where a reload from one million
/// requests costs a few hundred milliseconds. Not thread-safe: <see cref="DashboardAggregator"/> serialises access.
/// </summary>
public sealed class DashboardFigures
{
    public const int OldestShown = 10;
    private const int OldestKept = 50;

    private readonly IReadOnlyDictionary<int, string> _neighbourhoods, _directorates, _categories;
    private readonly Dictionary<int, (int Open, int Overdue)> _openByNeighbourhood = [], _openByDirectorate = [];
    private readonly Dictionary<DateOnly, int> _newPerDay = [], _closedPerDay = [];
    private readonly Dictionary<RequestChannel, int> _channels = [];
    private readonly Dictionary<int, int> _categoryCounts = [];
    private readonly Dictionary<int, ResolutionTimes> _resolved = [];
    private readonly OldestOpenList _oldest = new(OldestKept);
    private int _open, _overdue, _newToday, _newThisWeek, _closedToday, _closedThisWeek;
    private bool _drifted;

    /// <param name="directorates">Active directorates only: inactive ones get no row (their requests still count in the totals).</param>
    public DashboardFigures(DashboardScope scope, DashboardFrame frame, IReadOnlyDictionary<int, string> neighbourhoods,
        IReadOnlyDictionary<int, string> directorates, IReadOnlyDictionary<int, string> categories)
    {
        (Scope, Frame, _neighbourhoods, _directorates, _categories) = (scope, frame, neighbourhoods, directorates, categories);
    }

    public DashboardScope Scope { get; }
    public DashboardFrame Frame { get; }

    /// <summary>The figures can no longer be kept exact from changes alone (the oldest list ran short, or a count would
    /// go negative after a missed change): they should be loaded again.</summary>
    public bool NeedsReload => _drifted || _oldest.Short(OldestShown);

    /// <summary>Whether a request with these facts is counted on this dashboard at all.</summary>
    public bool InScope(RequestFacts f) =>
        (Scope.DirectorateId is not { } d || f.DirectorateId == d) && (Scope.CategoryId is not { } c || f.CategoryId == c);

    // --- loading (DashboardQueries) ---------------------------------------------------------------------------------

    internal void LoadOpen(int neighbourhoodId, int? directorateId, int open, int overdue)
    {
        _open += open;
        _overdue += overdue;
        Bump(_openByNeighbourhood, neighbourhoodId, open, overdue);
        if (directorateId is { } d) Bump(_openByDirectorate, d, open, overdue);
    }

    internal void LoadHeadline(int newToday, int newThisWeek, int closedToday, int closedThisWeek) =>
        (_newToday, _newThisWeek, _closedToday, _closedThisWeek) = (newToday, newThisWeek, closedToday, closedThisWeek);

    internal void LoadNew(DateOnly day, int count) => _newPerDay[day] = count;
    internal void LoadClosed(DateOnly day, int count) => _closedPerDay[day] = count;
    internal void LoadChannel(RequestChannel channel, int count) => _channels[channel] = count;
    internal void LoadCategory(int categoryId, int count) => _categoryCounts[categoryId] = count;
    internal void LoadResolved(int directorateId, int minutes, bool inTime) => Times(directorateId).AddUnsorted(minutes, inTime);
    internal void LoadOldest(IEnumerable<OldestItem> oldestFirst) => _oldest.Load(oldestFirst, complete: _open <= OldestKept);
    internal void SealLoaded() { foreach (var t in _resolved.Values) t.Seal(); }
    internal static int OldestPerStatus => OldestKept;

    // --- changes ----------------------------------------------------------------------------------------------------

    public void Apply(RequestChange change)
    {
        if (change.Before is { } before && InScope(before)) Count(before, -1);
        if (change.After is { } after && InScope(after)) Count(after, +1);
        var id = (change.After ?? change.Before)!.Id;
        _oldest.Apply(id, change.After is { IsOpen: true } a && InScope(a) ? OldestItem.Of(a) : null);
    }

    private void Count(RequestFacts f, int sign)
    {
        if (f.IsOpen)
        {
            var overdue = f.DueAt < Frame.AsOf ? sign : 0;
            _open += sign;
            _overdue += overdue;
            Bump(_openByNeighbourhood, f.NeighbourhoodId, sign, overdue);
            if (f.DirectorateId is { } d) Bump(_openByDirectorate, d, sign, overdue);
        }
        if (f.CreatedOn == Frame.Today) _newToday += sign;
        if (f.CreatedOn >= Frame.WeekStartDay) _newThisWeek += sign;
        if (Frame.InPeriod(f.CreatedOn))
        {
            Bump(_newPerDay, f.CreatedOn, sign);
            Bump(_channels, f.Channel, sign);
            Bump(_categoryCounts, f.CategoryId, sign);
        }
        if (f.ClosedAt is { } closed)
        {
            if (closed >= Frame.TodayStartUtc) _closedToday += sign;
            if (closed >= Frame.WeekStartUtc) _closedThisWeek += sign;
            if (IstanbulTime.Today(closed) is var day && Frame.InPeriod(day)) Bump(_closedPerDay, day, sign);
        }
        if (f is { ResolvedAt: { } resolved, ResolutionMinutes: { } minutes, DirectorateId: { } dir } && resolved >= Frame.FromUtc && resolved < Frame.ToUtc)
            _drifted |= !Times(dir).Add(minutes, f.ResolvedInTime == true, sign);
        _drifted |= _open < 0 || _overdue < 0 || _newToday < 0 || _closedToday < 0;
    }

    private void Bump<TKey>(Dictionary<TKey, int> counts, TKey key, int by) where TKey : notnull
    {
        var now = counts.GetValueOrDefault(key) + by;
        _drifted |= now < 0;
        counts[key] = now;
    }

    private void Bump(Dictionary<int, (int Open, int Overdue)> counts, int key, int open, int overdue)
    {
        var (o, d) = counts.GetValueOrDefault(key);
        counts[key] = (o + open, d + overdue);
        _drifted |= o + open < 0 || d + overdue < 0;
    }

    private ResolutionTimes Times(int directorateId) =>
        _resolved.TryGetValue(directorateId, out var t) ? t : _resolved[directorateId] = new ResolutionTimes();

    // --- what screens show ------------------------------------------------------------------------------------------

    /// <summary>
    /// The snapshot of these figures. Every part equal to <paramref name="previous"/>'s is that same list object, so
    /// screens can tell by reference what to redraw; when nothing differs, <paramref name="previous"/> itself comes back.
    /// </summary>
    public DashboardSnapshot ToSnapshot(DashboardSnapshot? previous, Func<long> nextVersion, DateTime updatedAt)
    {
        var headline = new HeadlineNumbers(_open, _overdue, _newToday, _newThisWeek, _closedToday, _closedThisWeek);
        var neighbourhoods = Same(previous?.ByNeighbourhood, NeighbourhoodRows());
        var directorates = Same(previous?.ByDirectorate, DirectorateRows());
        var oldest = Same(previous?.OldestOpen, _oldest.Take(OldestShown)
            .Select(o => new OldestRow(o.Id, o.Number, _categories.GetValueOrDefault(o.CategoryId, "?"), _neighbourhoods.GetValueOrDefault(o.NeighbourhoodId, "?"), o.CreatedAt, o.DueAt)).ToList());
        var trend = Same(previous?.Trend, Enumerable.Range(0, Frame.To.DayNumber - Frame.From.DayNumber + 1).Select(i => Frame.From.AddDays(i))
            .Select(d => new TrendPoint(d, _newPerDay.GetValueOrDefault(d), _closedPerDay.GetValueOrDefault(d))).ToList());
        var channels = Same(previous?.ChannelMix, Mix(_channels.Select(c => (c.Key.Name(), c.Value)), int.MaxValue));
        var categories = Same(previous?.CategoryMix, Mix(_categoryCounts.Select(c => (_categories.GetValueOrDefault(c.Key, "?"), c.Value)), 12));
        if (previous is not null && previous.Headline == headline && previous.Scope == Scope && previous.PeriodFrom == Frame.From && previous.PeriodTo == Frame.To
            && ReferenceEquals(neighbourhoods, previous.ByNeighbourhood) && ReferenceEquals(directorates, previous.ByDirectorate)
            && ReferenceEquals(oldest, previous.OldestOpen) && ReferenceEquals(trend, previous.Trend)
            && ReferenceEquals(channels, previous.ChannelMix) && ReferenceEquals(categories, previous.CategoryMix))
            return previous;
        return new DashboardSnapshot(Scope, previous?.Headline == headline ? previous.Headline : headline, neighbourhoods, directorates, oldest, trend,
            channels, categories, Frame.From, Frame.To, updatedAt, nextVersion());
    }

    private List<CountRow> NeighbourhoodRows() =>
        _neighbourhoods.Keys.Union(_openByNeighbourhood.Keys)
            .Select(id => (Id: id, Counts: _openByNeighbourhood.GetValueOrDefault(id)))
            .Select(n => new CountRow(n.Id, _neighbourhoods.GetValueOrDefault(n.Id, "?"), n.Counts.Open, n.Counts.Overdue))
            .OrderByDescending(r => r.Open).ThenBy(r => r.Name, TurkishText.Comparer).ThenBy(r => r.Id).ToList();

    private List<DirectorateRow> DirectorateRows() =>
        _directorates.Where(d => Scope.DirectorateId is null || d.Key == Scope.DirectorateId)
            .Select(d =>
            {
                var (open, overdue) = _openByDirectorate.GetValueOrDefault(d.Key);
                var times = _resolved.GetValueOrDefault(d.Key);
                return new DirectorateRow(d.Key, d.Value, open, overdue, times?.MedianHours(), times?.ShareInTime(), times?.Count ?? 0);
            })
            .Where(r => r.Open > 0 || r.Resolved > 0 || Scope.DirectorateId is not null)
            .OrderByDescending(r => r.Open).ThenBy(r => r.Name, TurkishText.Comparer).ThenBy(r => r.Id).ToList();

    private static List<MixRow> Mix(IEnumerable<(string Name, int Count)> counts, int take) =>
        counts.GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => new MixRow(g.Key, g.Sum(c => c.Count))).Where(m => m.Count > 0)
            .OrderByDescending(m => m.Count).ThenBy(m => m.Name, StringComparer.Ordinal).Take(take).ToList();

    private static IReadOnlyList<T> Same<T>(IReadOnlyList<T>? previous, List<T> now) =>
        previous is not null && previous.SequenceEqual(now) ? previous : now;
}
