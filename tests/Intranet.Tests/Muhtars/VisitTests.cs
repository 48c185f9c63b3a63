using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Muhtars;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Muhtars;

public sealed class VisitTests : IDisposable
{
    private readonly MuhtarWorld _world = new();

    public void Dispose() => _world.Dispose();

    private int Gursel => _world.Requests.NeighbourhoodId("Gürsel");

    private async Task<int> PlanAsync(UserContext user) =>
        await _world.Visits(user).SaveAsync(new VisitForm { NeighbourhoodIds = [Gursel], StartsLocal = MuhtarWorld.Local(11, 26, 14), Place = "Gürsel Muhtarlığı" });

    private List<RaisedRow> FiveRows() =>
    [
        Row("FEN", "Sokağımızdaki asfalt çökmüş, yağmurda göl oluyor.", RaisedPriority.Normal),
        Row("TEM", "Pazar yeri sonrası çöpler akşama kadar toplanmıyor.", RaisedPriority.Yuksek),
        Row("PARK", "Çocuk parkındaki kaydırak kırık, çocuklar için tehlikeli.", RaisedPriority.Acil),
        Row("ZAB", "Kaldırımlar işgal edilmiş, yayalar yola çıkmak zorunda.", RaisedPriority.Dusuk),
        Row("FEN", "Okul önündeki yaya geçidi çizgileri silinmiş.", RaisedPriority.Yuksek, citizen: "Ayten Korkmaz", phone: "0532 765 43 21"),
    ];

    private RaisedRow Row(string directorate, string text, RaisedPriority priority, string? citizen = null, string? phone = null) =>
        new() { CategoryId = _world.Requests.CategoryOf(directorate).Id, Text = text, Priority = priority, CitizenName = citizen, Phone = phone };

    [Fact]
    public async Task Planning_a_visit_puts_one_event_on_the_calendar_and_a_new_time_moves_it()
    {
        var staff = _world.As("demo-muht-personel");
        var id = await PlanAsync(staff);

        await using (var db = _world.Db())
        {
            var visit = await db.MuhtarVisits.SingleAsync(v => v.Id == id);
            var e = await db.CalendarEvents.SingleAsync(x => x.Id == visit.CalendarEventId);
            Assert.Equal(("Gürsel Mahallesi Ziyareti", EventType.MahalleZiyareti, Gursel), (e.Title, e.Type, e.NeighbourhoodId));
            Assert.Equal(new DateTime(2026, 11, 26, 11, 0, 0, DateTimeKind.Utc), e.StartsAt); // 14:00 in Istanbul
            Assert.Equal(e.StartsAt.AddHours(2), e.EndsAt);
            Assert.Equal($"Muhtarlar: {_world.CurrentMuhtar("Gürsel").FullName}", e.Guests);
            var view = (await _world.VisitQueries(staff).GetAsync(id))!;
            await _world.Visits(staff).SaveAsync(new VisitForm { Id = id, NeighbourhoodIds = [Gursel], StartsLocal = MuhtarWorld.Local(11, 27, 10), Version = view.Visit.Version });
        }
        await using var check = _world.Db();
        var moved = await check.CalendarEvents.Where(x => x.Type == EventType.MahalleZiyareti && x.NeighbourhoodId == Gursel && x.StartsAt > new DateTime(2026, 11, 20)).ToListAsync();
        Assert.Equal(new DateTime(2026, 11, 27, 7, 0, 0, DateTimeKind.Utc), Assert.Single(moved).StartsAt);
        Assert.Contains(ChangeTopic.Calendar, _world.Requests.Changes.Published);
    }

    [Fact]
    public async Task Bad_plans_are_refused_in_Turkish()
    {
        var visits = _world.Visits(_world.As("demo-ozk-1"));
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => visits.SaveAsync(new VisitForm { NeighbourhoodIds = [99999], StartsLocal = MuhtarWorld.Local(11, 26, 14) }));
        Assert.Equal("Seçilen mahallelerden biri bulunamadı; listeden seçin.", unknown.Fields[nameof(VisitForm.NeighbourhoodIds)]);
        var two = await Assert.ThrowsAsync<ValidationException>(() => visits.SaveAsync(new VisitForm { NeighbourhoodIds = [Gursel, Gursel + 1], StartsLocal = MuhtarWorld.Local(11, 26, 14) }));
        Assert.Contains("tek mahalleye", two.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Visits(_world.As("demo-fen-mudur")).SaveAsync(new VisitForm { NeighbourhoodIds = [Gursel], StartsLocal = MuhtarWorld.Local(11, 26, 14) }));
    }

    [Fact]
    public async Task Five_raised_requests_become_routed_requests_of_the_muhtar_most_urgent_first_with_follow_ups()
    {
        var ozk = _world.As("demo-ozk-1");
        var id = await PlanAsync(ozk);

        var result = await _world.Intake(ozk).RaiseAsync(id, [.. FiveRows(), new RaisedRow()], new DateOnly(2026, 12, 4));

        Assert.Equal(5, result.Numbers.Count);
        Assert.Equal(5, result.Routed);
        Assert.Equal(4, result.ReportsAsked); // FEN, TEM, PARK, ZAB
        await using var db = _world.Db();
        var requests = await db.Requests.Where(r => result.Numbers.Contains(r.Number)).OrderBy(r => r.Sequence).ToListAsync();
        Assert.All(requests, r =>
        {
            Assert.Equal(RequestChannel.Muhtar, r.Channel);
            Assert.Equal(_world.CurrentMuhtar("Gürsel").Id, r.MuhtarId);
            Assert.Equal(RequestStatus.HavaleEdildi, r.Status);
        });
        // Numbered most urgent first: Acil, Yüksek, Yüksek, Normal, Düşük.
        Assert.StartsWith("Çocuk parkındaki", requests[0].Text);
        Assert.StartsWith("Kaldırımlar", requests[4].Text);
        Assert.NotNull(requests.Single(r => r.Text.StartsWith("Okul", StringComparison.Ordinal)).CitizenId);
        var history = await db.RequestHistory.Where(h => h.RequestId == requests[0].Id && h.ToStatus == RequestStatus.HavaleEdildi).SingleAsync();
        Assert.Contains("Gürsel Mahallesi Ziyareti (26.11.2026) sırasında alındı", history.Note);

        var followUps = await db.VisitFollowUps.Where(f => f.VisitId == id).ToListAsync();
        Assert.Equal(4, followUps.Count);
        Assert.All(followUps, f => Assert.Equal(new DateOnly(2026, 12, 4), f.DueOn));
        var fenDirector = _world.As("demo-fen-mudur");
        Assert.Contains(await db.Notifications.Where(n => n.UserId == fenDirector.UserId).ToListAsync(), n => n.Link == $"/muhtarlar/ziyaretler/{id}");
    }

    [Fact]
    public async Task Muhtarlik_staff_may_not_route_so_their_raised_requests_wait_for_the_desk_with_the_directorate_proposed()
    {
        var staff = _world.As("demo-muht-personel");
        var id = await PlanAsync(staff);

        var result = await _world.Intake(staff).RaiseAsync(id, FiveRows()[..2], new DateOnly(2026, 12, 4));

        Assert.Equal(0, result.Routed);
        await using var db = _world.Db();
        var requests = await db.Requests.Where(r => result.Numbers.Contains(r.Number)).ToListAsync();
        Assert.All(requests, r => Assert.Equal(RequestStatus.Yeni, r.Status));
        Assert.Equal([_world.Requests.DirectorateId("TEM"), _world.Requests.DirectorateId("FEN")], requests.OrderBy(r => r.Sequence).Select(r => r.DirectorateId!.Value));
    }

    [Fact]
    public async Task One_bad_row_saves_none_and_names_the_row()
    {
        var ozk = _world.As("demo-ozk-1");
        var id = await PlanAsync(ozk);
        var rows = FiveRows();
        rows[2].Text = "kısa";
        rows[3].Phone = "12";

        var error = await Assert.ThrowsAsync<ValidationException>(() => _world.Intake(ozk).RaiseAsync(id, rows, new DateOnly(2026, 12, 4)));

        Assert.StartsWith("Hiçbir talep kaydedilmedi.", error.Message);
        Assert.Contains("Satır 3: Başvurunun metnini en az 10 karakter olarak yazın.", error.Message);
        Assert.Contains("Satır 4:", error.Message);
        Assert.Contains("Telefon numarası geçersiz", error.Message);
        await using var db = _world.Db();
        Assert.Equal(0, await db.Requests.CountAsync());
        Assert.Equal(0, await db.VisitRequests.CountAsync(v => v.VisitId == id));
    }

    [Fact]
    public async Task The_visit_page_shows_each_raised_requests_live_status_and_the_next_visit_starts_from_the_open_ones()
    {
        var ozk = _world.As("demo-ozk-1");
        var id = await PlanAsync(ozk);
        var result = await _world.Intake(ozk).RaiseAsync(id, FiveRows(), new DateOnly(2026, 12, 4));
        var park = result.Numbers[0];

        var worker = _world.As("demo-park-personel");
        await using (var db = _world.Db())
        {
            var request = await db.Requests.SingleAsync(r => r.Number == park);
            var version = await _world.Requests.Service(worker).ApplyAsync(new RequestStep(request.Id, request.Version, RequestAction.Start));
            await _world.Requests.Service(worker).ApplyAsync(new RequestStep(request.Id, version, RequestAction.Resolve, "Kaydırak değiştirildi."));
        }

        var view = (await _world.VisitQueries(_world.As("demo-fen-personel-1")).GetAsync(id))!;
        Assert.Equal(result.Numbers, view.Raised.Select(r => r.Number));
        Assert.Equal([RaisedPriority.Acil, RaisedPriority.Yuksek, RaisedPriority.Yuksek, RaisedPriority.Normal, RaisedPriority.Dusuk], view.Raised.Select(r => r.Priority));
        var resolved = Assert.Single(view.Raised, r => r.Number == park);
        Assert.Equal((RequestStatus.Cozuldu, "Kaydırak değiştirildi."), (resolved.Status, resolved.Resolution));
        Assert.All(view.Raised.Where(r => r.Number != park), r => Assert.Equal(RequestStatus.HavaleEdildi, r.Status));

        var next = await _world.Visits(ozk).SaveAsync(new VisitForm { NeighbourhoodIds = [Gursel], StartsLocal = MuhtarWorld.Local(12, 10, 14) });
        var nextView = (await _world.VisitQueries(ozk).GetAsync(next))!;
        Assert.Equal(5, nextView.EarlierOpen.Count); // resolved is still open until the citizen is answered
        Assert.All(nextView.EarlierOpen, r => Assert.Equal("Gürsel Mahallesi Ziyareti", r.VisitTitle));
    }

    [Fact]
    public async Task A_directorate_writes_its_own_follow_up_report_only()
    {
        var ozk = _world.As("demo-ozk-1");
        var id = await PlanAsync(ozk);
        await _world.Intake(ozk).RaiseAsync(id, FiveRows(), new DateOnly(2026, 12, 4));
        var view = (await _world.VisitQueries(_world.As("demo-fen-mudur")).GetAsync(id))!;
        var fen = Assert.Single(view.FollowUps, f => f.CanWrite);
        Assert.Equal("Fen İşleri Müdürlüğü", fen.Directorate);
        var tem = view.FollowUps.Single(f => f.Directorate == "Temizlik İşleri Müdürlüğü");

        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Visits(_world.As("demo-fen-mudur")).SubmitReportAsync(tem.Id, tem.Version, "Bizim işimiz değil ama yazalım."));
        await _world.Visits(_world.As("demo-fen-mudur")).SubmitReportAsync(fen.Id, fen.Version, "Asfalt ve yaya geçidi 2 Aralık'ta yapıldı.");

        var after = (await _world.VisitQueries(ozk).GetAsync(id))!.FollowUps.Single(f => f.Id == fen.Id);
        Assert.Equal(("Asfalt ve yaya geçidi 2 Aralık'ta yapıldı.", "Oğuz Karağaç"), (after.Report, after.ReportedBy));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _world.Visits(_world.As("demo-fen-mudur")).SubmitReportAsync(fen.Id, fen.Version, "Eski sürüm üzerine yazılmaz."));
    }
}
