using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Intranet.Core.Requests.Callbacks;
using Intranet.Core.Requests.Handoffs;
using Intranet.Core.Requests.Outbox;
using Intranet.Core.Requests.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Seeding;

/// <summary>
/// The demo's outside bodies, and around the newest generated requests: hand-offs to those bodies, work orders
/// (finished under solved requests, planned or on site under open ones) and satisfaction callbacks (done for older
/// answers, waiting for recent ones). Deterministic for a seed and clock; touches at most a few hundred rows.
/// </summary>
internal static class DemoRequestsHandoff
{
    /// <summary>Demo addresses end in .example: a demo with SMTP configured can never write to a real body.</summary>
    private static readonly OutsideBody[] Bodies =
    [
        new() { Name = "İstanbul Büyükşehir Belediyesi", Kind = OutsideBodyKind.Buyuksehir, ContactName = "Beyaz Masa", Phone = "153", Email = "beyazmasa@ibb.example" },
        new() { Name = "İSKİ Genel Müdürlüğü", Kind = OutsideBodyKind.SuKanalizasyon, ContactName = "Kağıthane Şube Müdürlüğü", Phone = "185", Email = "kagithane@iski.example" },
        new() { Name = "İGDAŞ", Kind = OutsideBodyKind.Dogalgaz, ContactName = "Müşteri Hizmetleri", Phone = "187", Email = "musteri@igdas.example" },
        new() { Name = "BEDAŞ (Boğaziçi Elektrik Dağıtım)", Kind = OutsideBodyKind.Elektrik, ContactName = "Arıza ve Aydınlatma", Phone = "186", Email = "aydinlatma@bedas.example" },
        new() { Name = "Kağıthane Kaymakamlığı", Kind = OutsideBodyKind.Kaymakamlik, ContactName = "Yazı İşleri Müdürlüğü", Phone = "0212 294 00 00", Email = "yaziisleri@kaymakamlik.example" },
        new() { Name = "Çevre, Şehircilik ve İklim Değişikliği Bakanlığı", Kind = OutsideBodyKind.Bakanlik, ContactName = "İstanbul İl Müdürlüğü", Phone = "0212 000 00 00", Email = "istanbul@csb.example" },
        new() { Name = "Karayolları 1. Bölge Müdürlüğü", Kind = OutsideBodyKind.Diger, ContactName = "Trafik Başmühendisliği", Phone = "0212 000 00 01" },
    ];

    /// <summary>Which body a category's requests are sometimes for.</summary>
    private static readonly Dictionary<string, string> BodyByCategory = new()
    {
        ["Kanalizasyon taşması"] = "İSKİ Genel Müdürlüğü",
        ["Çukur / yol çökmesi"] = "İSKİ Genel Müdürlüğü",
        ["Yol bakım / asfalt"] = "İstanbul Büyükşehir Belediyesi",
        ["Su baskını"] = "İSKİ Genel Müdürlüğü",
        ["Sokak lambası arızası"] = "BEDAŞ (Boğaziçi Elektrik Dağıtım)",
        ["Trafik levhası / yön tabelası"] = "İstanbul Büyükşehir Belediyesi",
        ["Otopark sorunu"] = "İstanbul Büyükşehir Belediyesi",
        ["Kaçak yapı"] = "Çevre, Şehircilik ve İklim Değişikliği Bakanlığı",
        ["Dilencilik"] = "Kağıthane Kaymakamlığı",
    };

    private static readonly Dictionary<string, string[]> Crews = new()
    {
        ["FEN"] = ["Asfalt Ekibi 1", "Asfalt Ekibi 2", "Kaldırım Ekibi", "Elektrik Ekibi"],
        ["PARK"] = ["Budama Ekibi", "Bakım Ekibi"],
        ["ALT"] = ["Kanal Ekibi"],
    };

    public static async Task SeedAsync(IntranetDbContext db, int seed, DateTime now, CancellationToken ct)
    {
        var suspended = db.AuditingSuspended;
        db.AuditingSuspended = true;
        try
        {
            await SeedAllAsync(db, new Random(seed + 10), now, ct);
        }
        finally
        {
            db.AuditingSuspended = suspended;
        }
    }

    private static async Task SeedAllAsync(IntranetDbContext db, Random rng, DateTime now, CancellationToken ct)
    {
        db.OutsideBodies.AddRange(Bodies.Select(b => new OutsideBody { Name = b.Name, Kind = b.Kind, ContactName = b.ContactName, Phone = b.Phone, Email = b.Email }));
        await db.SaveChangesAsync(ct);
        var bodies = await db.OutsideBodies.ToDictionaryAsync(b => b.Name, ct);
        await HandoffsAsync(db, rng, now, bodies, ct);
        await WorkOrdersAsync(db, rng, now, ct);
        await CallbacksAsync(db, rng, now, ct);
        db.ChangeTracker.Clear();
    }

    private static async Task HandoffsAsync(IntranetDbContext db, Random rng, DateTime now, Dictionary<string, OutsideBody> bodies, CancellationToken ct)
    {
        var names = BodyByCategory.Keys.ToList();
        var candidates = await db.Requests.Include(r => r.Category).Include(r => r.Neighbourhood).Include(r => r.Citizen)
            .Where(r => RequestWorkflow.ForwardableFrom.Contains(r.Status) && names.Contains(r.Category!.Name) && r.CreatedAt < now.AddHours(-4))
            .OrderByDescending(r => r.Id).Take(200).ToListAsync(ct);
        foreach (var r in candidates.Where(_ => rng.Next(3) == 0))
        {
            var body = bodies[BodyByCategory[r.Category!.Name]];
            // After the request's last step, and before now.
            var at = r.UpdatedAt.AddMinutes(rng.Next(10, 240));
            if (at > now.AddMinutes(-5)) at = now.AddMinutes(-5);
            var notice = r.Citizen is null ? CitizenNotice.Yok : PhoneNumber.Normalize(r.Citizen.Phone) is { } p && p.StartsWith("05") ? CitizenNotice.Sms : CitizenNotice.Telefon;
            var handoff = new RequestHandoff
            {
                RequestId = r.Id, OutsideBodyId = body.Id, Delivery = body.Email is null ? LetterDelivery.ResmiYazi : LetterDelivery.EPosta,
                LetterSubject = HandoffLetter.Subject(r.Number),
                LetterText = HandoffLetter.DefaultParagraph(new LetterFacts(r.Number, r.CreatedAt, r.Channel, r.Category.Name, r.Neighbourhood!.Name, r.Address, r.Text)),
                CitizenNotice = notice, CitizenText = notice == CitizenNotice.Sms ? HandoffLetter.CitizenNotice(r.Number, body) : null,
                ForwardedAt = at, ForwardedBy = "Çözüm Merkezi",
                FollowUpOn = rng.Next(2) == 0 ? IstanbulTime.Today(at).AddDays(rng.Next(7, 21)) : null,
            };
            db.RequestHandoffs.Add(handoff);
            await db.SaveChangesAsync(ct);
            if (handoff.Delivery == LetterDelivery.EPosta)
                db.RequestMessages.Add(Sent(r, handoff, MessagePurpose.KurumaYazi, MessageChannel.EPosta, body.Email!, handoff.LetterSubject, handoff.LetterText, at));
            if (notice == CitizenNotice.Sms)
                db.RequestMessages.Add(Sent(r, handoff, MessagePurpose.VatandasaBilgi, MessageChannel.Sms, PhoneNumber.Normalize(r.Citizen!.Phone)!, null, handoff.CitizenText!, at));
            db.RequestHistory.Add(new RequestHistory
            {
                RequestId = r.Id, At = at, UserName = "Çözüm Merkezi", FromStatus = r.Status, ToStatus = RequestStatus.DisKurumaYonlendirildi,
                DirectorateId = r.DirectorateId, Note = $"{body.Name} kurumuna yönlendirildi ({handoff.Delivery.Name()}).",
            });
            r.Status = RequestStatus.DisKurumaYonlendirildi;
            r.UpdatedAt = at;
        }
        await db.SaveChangesAsync(ct);
    }

    private static RequestMessage Sent(Request r, RequestHandoff h, MessagePurpose purpose, MessageChannel channel, string to, string? subject, string body, DateTime at) =>
        new() { RequestId = r.Id, HandoffId = h.Id, Purpose = purpose, Channel = channel, Recipient = to, Subject = subject, Body = body,
                CreatedAt = at, CreatedBy = h.ForwardedBy, SentAt = at.AddSeconds(3), Attempts = 1 };

    private static async Task WorkOrdersAsync(IntranetDbContext db, Random rng, DateTime now, CancellationToken ct)
    {
        var codes = Crews.Keys.ToList();
        var directorates = await db.Directorates.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        var ids = directorates.Keys.ToList();
        var requests = await db.Requests.Include(r => r.Category)
            .Where(r => r.DirectorateId != null && ids.Contains(r.DirectorateId.Value) && r.Type != RequestType.Tesekkur && r.Type != RequestType.Oneri)
            .Where(r => r.ResolvedAt != null || r.Status == RequestStatus.Islemde || r.Status == RequestStatus.Atandi)
            .OrderByDescending(r => r.Id).Take(160).ToListAsync(ct);
        var parkId = directorates.First(d => d.Value == "PARK").Key;
        var today = IstanbulTime.Today(now);
        foreach (var r in requests.Where(_ => rng.Next(2) == 0))
        {
            var count = rng.Next(4) == 0 ? 2 : 1;
            for (var i = 0; i < count; i++)
            {
                // Now and then the second job is another directorate's: a road repair and the tree beside it.
                var dir = i == 1 && directorates[r.DirectorateId!.Value] == "FEN" ? parkId : r.DirectorateId!.Value;
                var order = new WorkOrder
                {
                    RequestId = r.Id, DirectorateId = dir, Crew = DemoNames.Pick(rng, Crews[directorates[dir]]),
                    Description = i == 0 ? $"{r.Category!.Name}: yerinde inceleme ve onarım" : "Çevredeki ağaç dallarının budanması",
                    CreatedAt = (r.RoutedAt ?? r.CreatedAt).AddMinutes(30), CreatedBy = "Demo",
                };
                order.PlannedOn = IstanbulTime.Today(order.CreatedAt).AddDays(rng.Next(0, 3));
                if (r.ResolvedAt is { } resolved)
                {
                    order.Status = WorkOrderStatus.Tamamlandi;
                    order.StartedAt = resolved.AddHours(-rng.Next(2, 6));
                    order.DoneAt = resolved.AddMinutes(-rng.Next(5, 60));
                    order.DoneNote = i == 0 ? r.Resolution ?? "İş tamamlandı." : "Dallar budandı, atıklar toplandı.";
                }
                else
                {
                    order.Status = rng.Next(3) == 0 ? WorkOrderStatus.Sahada : WorkOrderStatus.Planlandi;
                    order.PlannedOn = today.AddDays(rng.Next(-1, 4));
                    if (order.Status == WorkOrderStatus.Sahada) order.StartedAt = now.AddHours(-rng.Next(1, 5));
                }
                order.UpdatedAt = order.DoneAt ?? order.StartedAt ?? order.CreatedAt;
                db.WorkOrders.Add(order);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task CallbacksAsync(IntranetDbContext db, Random rng, DateTime now, CancellationToken ct)
    {
        var share = new SatisfactionOptions().SharePercent;
        var answered = await db.Requests.Include(r => r.Citizen)
            .Where(r => r.AnsweredAt != null && r.CitizenId != null && r.Citizen!.Phone != null
                        && (r.Status == RequestStatus.Cevaplandi || r.Status == RequestStatus.Kapandi))
            .OrderByDescending(r => r.AnsweredAt).Take(1500).ToListAsync(ct);
        foreach (var r in answered.Where(r => SatisfactionSampling.IsSampled(r.Number, share)))
        {
            var callback = new SatisfactionCallback { RequestId = r.Id, SampledAt = r.AnsweredAt!.Value, Status = CallbackStatus.Bekliyor };
            db.SatisfactionCallbacks.Add(callback);
            if (r.AnsweredAt > now.AddDays(-3)) continue;
            // Most are content; about one in twelve says the problem is still there, which reopens the request.
            var solved = rng.Next(12) != 0;
            var score = solved ? DemoNames.Pick(rng, new[] { 5, 5, 5, 5, 4, 4, 4, 3, 3, 2 }) : rng.Next(1, 3);
            var at = r.AnsweredAt.Value.AddHours(rng.Next(20, 60));
            callback.Status = CallbackStatus.Tamamlandi;
            callback.Attempts = rng.Next(4) == 0 ? 2 : 1;
            callback.LastAttemptAt = callback.CompletedAt = at;
            callback.CompletedBy = "Çözüm Merkezi";
            callback.Method = rng.Next(5) == 0 ? CallbackMethod.Sms : CallbackMethod.Telefon;
            callback.Solved = solved;
            callback.Score = score;
            if (solved) continue;
            callback.CitizenWords = "Ekip geldi ama sorun aynen duruyor, tekrar bakılmasını istiyorum.";
            db.RequestHistory.Add(new RequestHistory
            {
                RequestId = r.Id, At = at, UserName = "Çözüm Merkezi", FromStatus = r.Status, ToStatus = RequestStatus.HavaleEdildi,
                DirectorateId = r.DirectorateId, Note = $"Memnuniyet araması: vatandaş sorunun çözülmediğini söyledi: “{callback.CitizenWords}”. Başvuru yeniden açıldı.",
            });
            r.Status = RequestStatus.HavaleEdildi;
            r.ResolvedAt = r.AnsweredAt = r.ClosedAt = null;
            r.ResolutionMinutes = null;
            r.ResolvedInTime = null;
            r.RoutedAt = r.UpdatedAt = at;
        }
        await db.SaveChangesAsync(ct);
    }
}
