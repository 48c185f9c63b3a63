using Intranet.Core.Auditing;
using Intranet.Core.Common;
using Intranet.Core.Requests;
using Intranet.Core.Requests.WorkOrders;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests.SecondRound;

/// <summary>Work orders under a request: per-directorate permissions, photos, and the request solved when all are done.</summary>
public sealed class WorkOrderTests : IDisposable
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];
    private static readonly byte[] Pdf = "%PDF-1.7 deneme"u8.ToArray();

    private readonly RequestWorld _world = new();

    public void Dispose() => _world.Dispose();

    private SecondRoundServices As(string objectId) => new(_world, _world.As(objectId));
    private SecondRoundServices Desk => As("demo-halk-personel-1");

    /// <summary>A Fen İşleri request, routed, with a road job for Fen and a tree job for Park ve Bahçeler.</summary>
    private async Task<(int Request, int Road, int Tree)> RequestWithTwoWorkOrdersAsync()
    {
        var created = await Desk.Requests.CreateAsync(_world.PhoneCall("FEN"));
        await Desk.StepAsync(created.Id, RequestAction.Route, directorateId: _world.DirectorateId("FEN"));
        var road = await Desk.WorkOrders.CreateAsync(created.Id, new WorkOrderForm
            { DirectorateId = _world.DirectorateId("FEN"), Crew = "Asfalt Ekibi 2", Description = "Çukurun asfaltla kapatılması" });
        var tree = await As("demo-fen-mudur").WorkOrders.CreateAsync(created.Id, new WorkOrderForm
            { DirectorateId = _world.DirectorateId("PARK"), Description = "Yola sarkan dalların budanması", PlannedOn = new DateOnly(2026, 11, 26) });
        return (created.Id, road, tree);
    }

    private async Task<Guid> VersionOfOrder(int id)
    {
        await using var db = _world.Database.Create(UserContext.System);
        return await db.WorkOrders.Where(o => o.Id == id).Select(o => o.Version).SingleAsync();
    }

    [Fact]
    public async Task The_request_is_solved_when_its_last_work_order_is_done_and_not_before()
    {
        var (request, road, tree) = await RequestWithTwoWorkOrdersAsync();
        var fen = As("demo-fen-personel-1");
        var park = As("demo-park-personel");

        await fen.WorkOrders.StartAsync(road, await VersionOfOrder(road));
        _world.Clock.Now = _world.Clock.Now.AddHours(3);
        var first = await fen.WorkOrders.CompleteAsync(road, await VersionOfOrder(road), "Çukur kazınıp asfaltlandı.");
        Assert.False(first.RequestResolved);
        Assert.Equal(RequestStatus.HavaleEdildi, (await _world.Details(_world.As("demo-halk-personel-1")).GetAsync(request))!.Request.Status);

        _world.Clock.Now = _world.Clock.Now.AddHours(1);
        var last = await park.WorkOrders.CompleteAsync(tree, await VersionOfOrder(tree), "Dallar budandı.");

        Assert.True(last.RequestResolved);
        var r = (await _world.Details(_world.As("demo-halk-personel-1")).GetAsync(request))!;
        Assert.Equal(RequestStatus.Cozuldu, r.Request.Status);
        Assert.Equal(240, r.Request.ResolutionMinutes);
        Assert.Contains("Çukur kazınıp asfaltlandı.", r.Request.Resolution);
        Assert.Contains("Park ve Bahçeler Müdürlüğü", r.Request.Resolution);
        Assert.Contains("Dallar budandı.", r.Request.Resolution);
        var step = r.History[^1];
        Assert.Equal((RequestStatus.HavaleEdildi, RequestStatus.Cozuldu), (step.From, step.To));
        Assert.Contains("2 iş emrinin tamamı bitti", step.Note);
    }

    [Fact]
    public async Task A_cancelled_work_order_does_not_hold_the_request_back_but_all_cancelled_solves_nothing()
    {
        var (request, road, tree) = await RequestWithTwoWorkOrdersAsync();
        var director = As("demo-fen-mudur");

        await director.WorkOrders.CancelAsync(tree, await VersionOfOrder(tree), "Ağaç İBB'ye ait, ayrıca yönlendirildi.");
        Assert.Equal(RequestStatus.HavaleEdildi, (await _world.Details(_world.As("demo-fen-mudur")).GetAsync(request))!.Request.Status);
        await Assert.ThrowsAsync<ValidationException>(async () => await director.WorkOrders.CancelAsync(road, await VersionOfOrder(road), " "));

        var saved = await director.WorkOrders.CompleteAsync(road, await VersionOfOrder(road), "Asfalt yamandı.");
        Assert.True(saved.RequestResolved);

        var (other, road2, tree2) = await RequestWithTwoWorkOrdersAsync();
        await director.WorkOrders.CancelAsync(road2, await VersionOfOrder(road2), "Gerek kalmadı.");
        var none = await director.WorkOrders.CancelAsync(tree2, await VersionOfOrder(tree2), "Gerek kalmadı.");
        Assert.False(none.RequestResolved);
        Assert.Equal(RequestStatus.HavaleEdildi, (await _world.Details(_world.As("demo-fen-mudur")).GetAsync(other))!.Request.Status);
    }

    [Fact]
    public async Task Each_directorate_sees_and_works_only_its_own_work_orders()
    {
        var (request, road, tree) = await RequestWithTwoWorkOrdersAsync();
        var fen = As("demo-fen-personel-1");
        var park = As("demo-park-personel");
        var tem = As("demo-tem-personel");

        // Fen owns the request: it sees both jobs but works only its own.
        Assert.Equal(2, (await fen.WorkOrderQueries.ForRequestAsync(request)).Orders.Count);
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await fen.WorkOrders.StartAsync(tree, await VersionOfOrder(tree)));
        // Park sees its job on its phone list and page, not the request's other job, and cannot plan on a request it cannot see.
        Assert.Equal([tree], (await park.WorkOrderQueries.TeamListAsync()).Select(t => t.Id));
        Assert.NotNull(await park.WorkOrderQueries.GetAsync(tree));
        Assert.Null(await park.WorkOrderQueries.GetAsync(road));
        await Assert.ThrowsAsync<AccessDeniedException>(() => park.WorkOrders.CreateAsync(request, new WorkOrderForm { DirectorateId = _world.DirectorateId("PARK"), Description = "Başka iş" }));
        await park.WorkOrders.StartAsync(tree, await VersionOfOrder(tree));
        // Temizlik has nothing to do with it.
        Assert.Empty(await tem.WorkOrderQueries.TeamListAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await tem.WorkOrders.CompleteAsync(road, await VersionOfOrder(road), "Bitti diyelim."));
        // Park's staff do the job but do not cancel it: the request's side or Park's director does.
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await park.WorkOrders.CancelAsync(tree, await VersionOfOrder(tree), "Vazgeçildi."));
        await As("demo-park-mudur").WorkOrders.CancelAsync(tree, await VersionOfOrder(tree), "Budama gerekmiyor.");
    }

    [Fact]
    public async Task A_stale_change_is_refused_and_every_change_is_audited()
    {
        var (_, road, _) = await RequestWithTwoWorkOrdersAsync();
        var fen = As("demo-fen-personel-1");
        var stale = await VersionOfOrder(road);
        await fen.WorkOrders.StartAsync(road, stale);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => fen.WorkOrders.CompleteAsync(road, stale, "Asfaltlandı."));
        Assert.Contains("Sahada", conflict.Current);

        await using var db = _world.Database.Create(UserContext.System);
        var audits = await db.AuditEntries.Where(a => a.EntityType == nameof(WorkOrder) && a.EntityId == road.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.Added, AuditActions.Updated], audits.Select(a => a.Action));
        Assert.Contains("StartedAt", audits[1].After);
        Assert.Equal("Ilgaz Şimşek", audits[1].UserName);
    }

    [Fact]
    public async Task Photos_are_checked_by_their_bytes_like_every_attachment_and_must_be_pictures()
    {
        var (_, road, _) = await RequestWithTwoWorkOrdersAsync();
        var fen = As("demo-fen-personel-1");

        var id = await fen.WorkOrders.AddPhotoAsync(road, PhotoStage.Once, new UploadedFile("cukur.jpg", "image/jpeg", Jpeg));
        var pdf = await Assert.ThrowsAsync<ValidationException>(() => fen.WorkOrders.AddPhotoAsync(road, PhotoStage.Sonra, new UploadedFile("tutanak.pdf", "application/pdf", Pdf)));
        Assert.Contains("bir fotoğraf değil", pdf.Message);
        var renamed = await Assert.ThrowsAsync<ValidationException>(() => fen.WorkOrders.AddPhotoAsync(road, PhotoStage.Sonra, new UploadedFile("foto.jpg", "image/jpeg", "MZ\x90\0"u8.ToArray())));
        Assert.Contains("desteklenmeyen", renamed.Message);
        var big = new byte[AttachmentRules.MaxBytes + 1];
        Jpeg.CopyTo(big, 0);
        var tooBig = await Assert.ThrowsAsync<ValidationException>(() => fen.WorkOrders.AddPhotoAsync(road, PhotoStage.Sonra, new UploadedFile("buyuk.jpg", "image/jpeg", big)));
        Assert.Contains("çok büyük", tooBig.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => As("demo-park-personel").WorkOrders.AddPhotoAsync(road, PhotoStage.Sonra, new UploadedFile("a.jpg", "image/jpeg", Jpeg)));

        var photo = await fen.WorkOrderQueries.PhotoAsync(id);
        Assert.Equal("image/jpeg", photo!.Value.ContentType);
        Assert.Equal(Jpeg, photo.Value.Content);
        Assert.Null(await As("demo-tem-personel").WorkOrderQueries.PhotoAsync(id));
        var card = (await fen.WorkOrderQueries.GetAsync(road))!;
        Assert.Equal(PhotoStage.Once, Assert.Single(card.Order.Photos).Stage);
    }

    [Fact]
    public async Task Work_orders_open_only_on_a_routed_request_not_yet_solved()
    {
        var created = await Desk.Requests.CreateAsync(_world.PhoneCall("FEN"));
        var form = new WorkOrderForm { DirectorateId = _world.DirectorateId("FEN"), Description = "Yerinde inceleme" };

        var error = await Assert.ThrowsAsync<ValidationException>(() => Desk.WorkOrders.CreateAsync(created.Id, form));
        Assert.Contains("havale edilmiş", error.Message);
        var empty = await Assert.ThrowsAsync<ValidationException>(() => Desk.WorkOrders.CreateAsync(created.Id, new WorkOrderForm()));
        Assert.Equal([nameof(WorkOrderForm.Description), nameof(WorkOrderForm.DirectorateId)], empty.Fields.Keys.Order());
    }
}
