using Intranet.Core.Auditing;
using Intranet.Core.Common;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests;

/// <summary>Bulk work: per-request permissions, audit, progress, cancel and conflicts. Each test fails without its rule.</summary>
public class BulkRequestServiceTests : IDisposable
{
    private readonly RequestWorld _world = new();

    [Fact]
    public async Task A_director_reroutes_500_selected_requests_their_own_are_moved_and_audited_the_others_refused_and_listed()
    {
        var fen = await _world.SeedRoutedAsync("FEN", 400, 1);
        var park = await _world.SeedRoutedAsync("PARK", 100, 401);
        // Interleaved, as a selection across pages would be: every batch holds both.
        var selection = fen.Select((id, i) => (id, i)).Concat(park.Select((id, i) => (id, i * 4 + 2)))
            .OrderBy(x => x.Item2).Select(x => x.id).ToList();
        var director = _world.As("demo-fen-mudur");
        var tem = _world.DirectorateId("TEM");
        var progress = new RecordingProgress();

        var result = await _world.Bulk(director).RouteAsync(new BulkSelection(selection), tem, "Temizlik işi.", progress);

        Assert.Equal(500, result.Total);
        Assert.Equal(400, result.DoneCount);
        Assert.False(result.Cancelled);
        Assert.Equal(park.Order(), result.NotDone.Select(i => i.Id).Order());
        Assert.All(result.NotDone, i =>
        {
            Assert.Equal(BulkItemOutcome.Refused, i.Outcome);
            Assert.Null(i.Number); // another directorate's numbers are not the director's to know
            Assert.Contains("yetkiniz yok", i.Message);
        });

        // Progress after every batch of 50, ending at 500 of 500.
        Assert.Equal(Enumerable.Range(1, 10).Select(b => b * 50), progress.Reports.Select(p => p.Processed));
        Assert.All(progress.Reports, p => Assert.Equal(500, p.Total));
        Assert.Equal(400, progress.Reports[^1].Done);
        // The change feed hears each routed request with its facts before and after (the dashboards apply them to
        // their counts, no reload), and nothing of the refused ones.
        var published = _world.Changes.PublishedEvents.Where(e => e.Topic == ChangeTopic.Requests).ToList();
        Assert.All(published, e => Assert.NotNull(e.Request));
        Assert.Equal(fen.Order(), published.Select(e => e.Request!.After!.Id).Order());
        Assert.All(published, e =>
        {
            Assert.Equal(_world.DirectorateId("FEN"), e.Request!.Before!.DirectorateId);
            Assert.Equal(tem, e.Request.After!.DirectorateId);
            Assert.Equal(RequestStatus.HavaleEdildi, e.Request.After.Status);
        });

        await using var db = _world.Database.Create(UserContext.System);
        Assert.Equal(400, await db.Requests.CountAsync(r => fen.Contains(r.Id) && r.DirectorateId == tem && r.Status == RequestStatus.HavaleEdildi));
        Assert.Equal(100, await db.Requests.CountAsync(r => park.Contains(r.Id) && r.DirectorateId == _world.DirectorateId("PARK")));
        var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(Request) && a.Action == AuditActions.Updated && a.UserName == director.Name)
            .Select(a => a.EntityId).ToListAsync();
        Assert.Equal(fen.Select(id => id.ToString()).Order(), audited.Order());
        Assert.Equal(400, await db.RequestHistory.CountAsync(h => h.UserName == director.Name && h.ToStatus == RequestStatus.HavaleEdildi
                                                                 && h.DirectorateId == tem && h.Note == "Temizlik işi."));
    }

    [Fact]
    public async Task Stopping_a_run_keeps_what_was_saved_and_leaves_the_rest_untouched()
    {
        var ids = await _world.SeedRoutedAsync("FEN", 200, 1);
        var desk = _world.As("demo-halk-personel-1");
        using var stop = new CancellationTokenSource();
        var progress = new RecordingProgress(p => { if (p.Processed >= BulkRequestService.BatchSize) stop.Cancel(); });

        var result = await _world.Bulk(desk).SetPriorityAsync(new BulkSelection(ids), RequestPriority.Acil, progress, stop.Token);

        Assert.True(result.Cancelled);
        Assert.Equal(50, result.DoneCount);
        Assert.Equal(150, result.NotProcessedCount);
        Assert.Contains("durduruldu", result.Summary);
        await using var db = _world.Database.Create(UserContext.System);
        Assert.Equal(ids.Take(50).Order(), await db.Requests.Where(r => r.Priority == RequestPriority.Acil).Select(r => r.Id).OrderBy(i => i).ToListAsync());
    }

    [Fact]
    public async Task A_request_changed_after_the_user_saw_it_is_a_conflict_and_the_others_still_go_through()
    {
        var ids = await _world.SeedRoutedAsync("FEN", 3, 1);
        var seen = new Dictionary<int, Guid>();
        foreach (var id in ids) seen[id] = await _world.VersionOf(id);
        var director = _world.As("demo-fen-mudur");
        var worker = _world.As("demo-fen-personel-1");
        // Someone notes on the middle one after the director's list loaded.
        await _world.Service(worker).ApplyAsync(new RequestStep(ids[1], seen[ids[1]], RequestAction.EditNote, "Ekip yolda."));

        var result = await _world.Bulk(director).AssignAsync(new BulkSelection(ids, null, seen), worker.UserId!.Value);

        Assert.Equal([BulkItemOutcome.Done, BulkItemOutcome.Conflict, BulkItemOutcome.Done], result.Items.Select(i => i.Outcome));
        await using var db = _world.Database.Create(UserContext.System);
        var rows = await db.Requests.Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([worker.UserId, null, worker.UserId], rows.Select(r => r.AssigneeId));
        Assert.Equal("Ekip yolda.", rows[1].Note);
        // The conflicting one left no audit row or timeline step behind.
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Request) && a.UserName == director.Name));
        Assert.Equal(2, await db.RequestHistory.CountAsync(h => h.UserName == director.Name));
    }

    [Fact]
    public async Task Assignment_follows_the_single_request_rules_and_staff_do_no_bulk_work()
    {
        var fen = await _world.SeedRoutedAsync("FEN", 2, 1);
        var park = await _world.SeedRoutedAsync("PARK", 1, 3);
        var desk = _world.As("demo-halk-personel-1");
        var fenWorker = _world.As("demo-fen-personel-1");

        // The desk sees every directorate, but a Fen İşleri person takes only Fen İşleri's requests.
        var result = await _world.Bulk(desk).AssignAsync(new BulkSelection([.. fen, .. park]), fenWorker.UserId!.Value);
        Assert.Equal(2, result.DoneCount);
        var refused = Assert.Single(result.NotDone);
        Assert.Equal(RequestNumber.Format(2026, 3), refused.Number);
        Assert.Equal("Başvuru yalnızca kendi müdürlüğünün personeline atanabilir.", refused.Message);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Bulk(fenWorker).AssignAsync(new BulkSelection(fen), fenWorker.UserId!.Value));
    }

    [Fact]
    public async Task Requests_close_as_repeats_of_a_chosen_original_and_the_original_itself_is_refused()
    {
        var ids = await _world.SeedRoutedAsync("FEN", 4, 1);
        var desk = _world.As("demo-halk-personel-1");
        await using (var db = _world.Database.Create(UserContext.System))
            await db.Requests.Where(r => r.Id == ids[3]).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RequestStatus.Kapandi));

        var result = await _world.Bulk(desk).CloseAsDuplicateAsync(new BulkSelection(ids), "2026-1", "Aynı çukur.");

        Assert.Equal([BulkItemOutcome.Refused, BulkItemOutcome.Done, BulkItemOutcome.Done, BulkItemOutcome.Refused], result.Items.Select(i => i.Outcome));
        Assert.Contains("kendisinin tekrarı", result.Items[0].Message);
        Assert.Contains("Kapandı", result.Items[3].Message);
        var repeat = (await _world.Details(desk).GetAsync(ids[1]))!;
        Assert.Equal(RequestStatus.Kapandi, repeat.Request.Status);
        Assert.Equal("2026-000001 numaralı başvurunun tekrarı olarak kapatıldı. Aynı çukur.", repeat.History[^1].Note);
        var extras = (await _world.Extras(desk).GetAsync(ids[1]))!;
        Assert.Equal("2026-000001", extras.DuplicateOfNumber);

        var missing = await Assert.ThrowsAsync<ValidationException>(() => _world.Bulk(desk).CloseAsDuplicateAsync(new BulkSelection(ids), "2026-999999", null));
        Assert.Contains("bulunamadı", missing.Message);
    }

    [Fact]
    public async Task Select_all_matching_the_filter_takes_every_visible_request_of_the_filter_and_no_other()
    {
        var fen = await _world.SeedRoutedAsync("FEN", 120, 1);
        await _world.SeedRoutedAsync("PARK", 30, 121);
        var desk = _world.As("demo-halk-personel-1");

        var result = await _world.Bulk(desk).SetPriorityAsync(
            BulkSelection.Matching(new RequestFilter { DirectorateId = _world.DirectorateId("FEN"), OpenOnly = true }), RequestPriority.Yuksek);

        Assert.Equal(fen.Order(), result.Items.Select(i => i.Id).Order());
        Assert.Equal(120, result.DoneCount);
        var list = await _world.Queries(desk).ListAsync(new RequestFilter(), new RequestPage(PageSize: 200));
        Assert.Equal(120, list.Items.Count(r => r.Priority == RequestPriority.Yuksek));
        Assert.Equal(30, list.Items.Count(r => r.Priority == RequestPriority.Normal));
    }

    public void Dispose() => _world.Dispose();
}
