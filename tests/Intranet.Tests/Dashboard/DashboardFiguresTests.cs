using Intranet.Core.Common;
using Intranet.Core.Dashboard;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Dashboard;

/// <summary>
/// The incremental dashboard is only worth having if it says what a fresh count says. These tests drive the real
/// request service through random workflows and compare the figures kept up to date from its published changes with
/// the figures loaded again from the database, for several scopes at once.
/// </summary>
public class DashboardFiguresTests : IDisposable
{
    private readonly RequestWorld _world = new();
    private readonly RequestService _service;
    private readonly List<int> _requests = [];
    private readonly List<int> _directorates;
    private readonly List<int> _neighbourhoods;
    private readonly List<(int Id, int DirectorateId)> _categories;
    private readonly Dictionary<int, List<int>> _staffByDirectorate;

    public DashboardFiguresTests()
    {
        _service = _world.Service(UserContext.System);
        using var db = _world.Database.Create(UserContext.System);
        _directorates = db.Directorates.Where(d => d.IsActive).Select(d => d.Id).ToList();
        _neighbourhoods = db.Neighbourhoods.Select(n => n.Id).ToList();
        // Categories an intake goes through as is: no stop-warning (refused) and no required question.
        _categories = db.Categories.Where(c => c.IsActive && c.StopWarning == null && !db.Set<CategoryQuestion>().Any(q => q.CategoryId == c.Id && q.Required)).Select(c => new { c.Id, c.DefaultDirectorateId }).AsEnumerable()
            .Select(c => (c.Id, c.DefaultDirectorateId)).ToList();
        _staffByDirectorate = db.Users.Where(u => u.IsActive && u.DirectorateId != null).AsEnumerable()
            .GroupBy(u => u.DirectorateId!.Value).ToDictionary(g => g.Key, g => g.Select(u => u.Id).ToList());
    }

    [Fact]
    public async Task Changes_applied_one_at_a_time_give_the_same_dashboards_as_counting_again()
    {
        var random = new Random(20261125);
        var asOf = _world.Clock.Now;                     // Wednesday 10:00 in Istanbul
        await HistoryAsync(random, asOf);

        var fen = _world.DirectorateId("FEN");
        var scopes = new[]
        {
            DashboardScope.Municipality,
            new DashboardScope(DirectorateId: fen),
            new DashboardScope(CategoryId: _categories.First(c => c.DirectorateId == fen).Id),
            new DashboardScope(DirectorateId: fen, CategoryId: _categories.First(c => c.DirectorateId == fen).Id),
            new DashboardScope(From: DateOnly.FromDateTime(asOf.UtcDateTime).AddDays(-20), To: DateOnly.FromDateTime(asOf.UtcDateTime).AddDays(-5)),
            new DashboardScope(DirectorateId: _world.DirectorateId("TEM"), From: DateOnly.FromDateTime(asOf.UtcDateTime).AddDays(-6)),
        };
        var queries = new DashboardQueries(_world.Database.Factory(UserContext.System), _world.Clock);
        var live = new List<DashboardFigures>();
        foreach (var scope in scopes) live.Add(await queries.LoadAsync(scope));
        var withoutDetail = 0;
        using var subscription = _world.Changes.SubscribeEvents(change =>
        {
            if (change.Request is null) { withoutDetail++; return; }
            foreach (var figures in live) figures.Apply(change.Request);
        });

        for (var step = 1; step <= 300; step++)
        {
            _world.Clock.Now += TimeSpan.FromSeconds(random.Next(0, 90));
            await RandomStepAsync(random);
            if (step % 60 != 0) continue;
            var now = _world.Clock.Now;
            _world.Clock.Now = asOf;                       // a fresh count in the same frame as the live figures
            for (var i = 0; i < scopes.Length; i++)
                AssertSame(Snapshot(await queries.LoadAsync(scopes[i])), Snapshot(live[i]), $"{scopes[i]} after {step} steps");
            _world.Clock.Now = now;
        }

        Assert.Equal(0, withoutDetail);
        Assert.All(live, f => Assert.False(f.NeedsReload));
        // The comparison covered figures that move: open and overdue requests, resolutions, closures, a full oldest list.
        var municipality = Snapshot(live[0]);
        Assert.True(municipality.Headline is { Open: > 10, Overdue: > 0, NewToday: > 0, ClosedToday: > 0 }, municipality.Headline.ToString());
        Assert.Contains(municipality.ByDirectorate, d => d.Resolved > 1 && d.MedianResolutionHours > 0);
        Assert.Equal(DashboardFigures.OldestShown, municipality.OldestOpen.Count);
    }

    [Fact]
    public async Task A_note_or_an_attachment_moves_no_figure_and_an_intake_moves_the_headline()
    {
        var created = await _service.CreateAsync(_world.PhoneCall());
        await _service.ApplyAsync(new RequestStep(created.Id, await _world.VersionOf(created.Id), RequestAction.EditNote, "Ekip yola çıktı."));

        var events = _world.Changes.PublishedEvents.ToList();
        Assert.Equal(2, events.Count);
        Assert.True(events[0].Request is { Before: null, After.Status: RequestStatus.Yeni, MovesFigures: true });
        Assert.False(events[1].Request!.MovesFigures);
    }

    [Fact]
    public async Task Closing_the_listed_oldest_requests_asks_for_a_reload_before_the_list_runs_short()
    {
        _world.Clock.Now -= TimeSpan.FromDays(3);
        for (var i = 0; i < 60; i++)
        {
            _requests.Add((await _service.CreateAsync(_world.PhoneCall())).Id);
            _world.Clock.Now += TimeSpan.FromMinutes(5);
        }
        var figures = await new DashboardQueries(_world.Database.Factory(UserContext.System), _world.Clock).LoadAsync(DashboardScope.Municipality);
        using var subscription = _world.Changes.SubscribeEvents(change => figures.Apply(change.Request!));

        // 60 open, 50 kept: rejecting the 40 oldest leaves 10 known, still exact; the 41st leaves the list short.
        foreach (var id in _requests.Take(40)) await _service.ApplyAsync(new RequestStep(id, await _world.VersionOf(id), RequestAction.Reject, "Belediyenin görev alanında değil."));
        Assert.False(figures.NeedsReload);
        Assert.Equal(_requests.Skip(40).Take(10), Snapshot(figures).OldestOpen.Select(o => o.Id));

        var next = _requests[40];
        await _service.ApplyAsync(new RequestStep(next, await _world.VersionOf(next), RequestAction.Reject, "Belediyenin görev alanında değil."));
        Assert.True(figures.NeedsReload);
    }

    [Fact]
    public void The_oldest_list_shows_what_sorting_every_open_request_shows_until_it_asks_for_a_reload()
    {
        var random = new Random(7);
        var byAge = Comparer<OldestItem>.Create(OldestItem.Compare);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var all = new List<OldestItem>();
        var open = new SortedSet<OldestItem>(byAge);
        OldestItem New() { var item = new OldestItem(all.Count + 1, $"N{all.Count + 1}", 1, 1, start.AddMinutes(all.Count), start); all.Add(item); return item; }
        for (var i = 0; i < 6; i++) open.Add(New());
        var list = new OldestOpenList(capacity: 8);
        list.Load(open, complete: true);                     // knows every open request, until more than 8 are open
        var reloads = 0;

        for (var step = 0; step < 3000; step++)
        {
            // As in an office: new requests arrive (always the newest), the old ones get closed, now and then one reopens.
            var dice = random.Next(10);
            var (id, after) = dice < 4 ? New() is var n ? (n.Id, n) : default
                : dice < 8 && open.Count > 0 ? (open.ElementAt(random.Next(Math.Min(5, open.Count))).Id, (OldestItem?)null)
                : all[random.Next(all.Count)] is var r ? (r.Id, r) : default;
            open.RemoveWhere(i => i.Id == id);
            if (after is not null) open.Add(after);
            list.Apply(id, after);
            if (list.Short(3)) { reloads++; list.Load(open.Take(8), complete: open.Count <= 8); }
            Assert.Equal(open.Take(3), list.Take(3));
        }
        Assert.InRange(reloads, 1, 1000);
    }

    private static DashboardSnapshot Snapshot(DashboardFigures figures) => figures.ToSnapshot(null, () => 1, DateTime.UnixEpoch);

    private static void AssertSame(DashboardSnapshot expected, DashboardSnapshot actual, string because)
    {
        Assert.True(expected.Headline == actual.Headline, $"{because}: headline {actual.Headline} instead of {expected.Headline}");
        Assert.True(expected.ByNeighbourhood.SequenceEqual(actual.ByNeighbourhood), $"{because}: neighbourhoods");
        Assert.True(expected.ByDirectorate.SequenceEqual(actual.ByDirectorate), $"{because}: directorates");
        Assert.True(expected.OldestOpen.SequenceEqual(actual.OldestOpen), $"{because}: oldest open");
        Assert.True(expected.Trend.SequenceEqual(actual.Trend), $"{because}: trend");
        Assert.True(expected.ChannelMix.SequenceEqual(actual.ChannelMix), $"{because}: channels");
        Assert.True(expected.CategoryMix.SequenceEqual(actual.CategoryMix), $"{because}: categories");
    }

    /// <summary>Forty days of requests taken through random steps, up to an hour before <paramref name="asOf"/>.</summary>
    private async Task HistoryAsync(Random random, DateTimeOffset asOf)
    {
        _world.Clock.Now = asOf.AddDays(-40);
        while (_world.Clock.Now < asOf.AddHours(-1))
        {
            await RandomStepAsync(random, intakeShare: 0.3);
            _world.Clock.Now += TimeSpan.FromMinutes(random.Next(1, 300));
        }
        _world.Clock.Now = asOf;
    }

    private async Task RandomStepAsync(Random random, double intakeShare = 0.2)
    {
        if (_requests.Count < 5 || random.NextDouble() < intakeShare)
        {
            var category = _categories[random.Next(_categories.Count)];
            var form = _world.PhoneCall();
            form.CategoryId = category.Id;
            form.NeighbourhoodId = _neighbourhoods[random.Next(_neighbourhoods.Count)];
            form.Channel = (RequestChannel)random.Next(0, 9);
            if (form.Channel == RequestChannel.Muhtar) form.Channel = RequestChannel.Web; // a muhtar's intake names its muhtar

            form.ExternalReference = "CMR-2026-1";
            if (form.Channel == RequestChannel.Cimer) form.CimerType = Enum.GetValues<CimerType>().First(t => RequestTriageText.RequestTypeOf(t) == form.Type);
            form.DirectorateId = random.Next(4) == 0 ? _directorates[random.Next(_directorates.Count)] : null;
            _requests.Add((await _service.CreateAsync(form)).Id);
            return;
        }
        Request request;
        var id = _requests[random.Next(_requests.Count)];
        await using (var db = _world.Database.Create(UserContext.System))
            request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id);
        // A hand-off to an outside body goes through HandoffService (its letter and notices), not a bare step.
        var actions = RequestPermissions.Available(UserContext.System, request).Where(a => a != RequestAction.ForwardOutside).ToList();
        var action = actions[random.Next(actions.Count)];
        int? assignee = null;
        if (action == RequestAction.Assign)
        {
            if (request.DirectorateId is not { } d || !_staffByDirectorate.TryGetValue(d, out var staff)) return;
            assignee = staff[random.Next(staff.Count)];
        }
        await _service.ApplyAsync(new RequestStep(request.Id, request.Version, action, "Test adımı: yapılan iş ve gerekçe.",
            action == RequestAction.Route ? _directorates[random.Next(_directorates.Count)] : null, assignee, ReplyChannel.Telefon));
    }

    public void Dispose() => _world.Dispose();
}
