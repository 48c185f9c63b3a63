using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Muhtars;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Seeding;

/// <summary>
/// Demo muhtars (the fictional people of <see cref="DemoData.Neighbourhoods"/>, in office since the 2024 local
/// elections, a few with a predecessor), their members, two Muhtarlık İşleri accounts, a few visits with the
/// Muhtar-channel requests raised there, register entries, letter templates and two sister cities. Runs after the
/// requests, cheap and deterministic for a given seed and clock.
/// </summary>
internal static partial class DemoMuhtar
{
    public static readonly DateOnly TermStart = new(2024, 4, 8);

    private static readonly string[] Streets = ["Cumhuriyet Cad.", "Atatürk Cad.", "Okul Sok.", "Çeşme Sok.", "Lale Sok.", "Pınar Sok."];

    public static async Task SeedAsync(IntranetDbContext db, Random rng, DateTime now, CancellationToken ct)
    {
        // Demo rows are nobody's change: no audit rows, as for the rest of the demo seed.
        var suspended = db.AuditingSuspended;
        db.AuditingSuspended = true;
        try
        {
            await SeedAllAsync(db, rng, now, ct);
        }
        finally
        {
            db.AuditingSuspended = suspended;
        }
    }

    private static async Task SeedAllAsync(IntranetDbContext db, Random rng, DateTime now, CancellationToken ct)
    {
        var directorates = await db.Directorates.ToDictionaryAsync(d => d.Code, ct);
        db.Users.AddRange(
            User("demo-muht-mudur", "Cemile Karaduman", Roles.Director, directorates["MUHT"], "Muhtarlık İşleri Müdürü", "05321112249"),
            User("demo-muht-personel", "Levent Sarıkaya", Roles.Staff, directorates["MUHT"], "Muhtarlık İşleri Uzmanı", "05351112250"));

        var neighbourhoods = await db.Neighbourhoods.OrderBy(n => n.Id).ToListAsync(ct);
        var seeds = DemoData.Neighbourhoods.ToDictionary(n => n.Name);
        var muhtars = new Dictionary<int, Muhtar>();
        foreach (var n in neighbourhoods.Where(n => seeds.ContainsKey(n.Name)))
        {
            var seed = seeds[n.Name];
            var muhtar = new Muhtar
            {
                NeighbourhoodId = n.Id, FullName = seed.MuhtarName, Phone = PhoneNumber.Normalize(seed.MuhtarPhone),
                Email = DemoData.MuhtarEmail(n.Name), OfficeAddress = $"{DemoNames.Pick(rng, Streets)} No: {rng.Next(1, 90)}, {n.Name} Mahallesi, Kağıthane",
                TermStart = TermStart,
                Members = Enumerable.Range(1, 4).Select(seat => new MuhtarMember { Seat = seat, FullName = DemoNames.FullName(rng), Phone = DemoNames.Mobile(rng) }).ToList(),
            };
            muhtars[n.Id] = muhtar;
            db.Muhtars.Add(muhtar);
            // Every third mahalle had another muhtar in the previous term.
            if (n.Id % 3 == 0)
                db.Muhtars.Add(new Muhtar
                {
                    NeighbourhoodId = n.Id, FullName = DemoNames.FullName(rng), Phone = DemoNames.Mobile(rng), TermStart = new DateOnly(2019, 4, 8),
                    TermEnd = TermStart.AddDays(-1), Notes = "Önceki dönem muhtarı.",
                });
        }
        await db.SaveChangesAsync(ct);

        // Requests that came through a muhtar name the muhtar in office then (the demo's requests are all this term).
        var termStartUtc = IstanbulTime.ToUtc(TermStart.ToDateTime(TimeOnly.MinValue));
        foreach (var (neighbourhoodId, muhtar) in muhtars)
            await db.Requests.Where(r => r.Channel == RequestChannel.Muhtar && r.NeighbourhoodId == neighbourhoodId && r.CreatedAt >= termStartUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.MuhtarId, muhtar.Id), ct);

        foreach (var muhtar in muhtars.Values.Take(8))
            db.MuhtarContacts.Add(new MuhtarContact
            {
                MuhtarId = muhtar.Id, Kind = DemoNames.Pick(rng, ContactKindText.Manual), At = now.AddDays(-rng.Next(2, 60)).AddHours(-rng.Next(8)),
                Subject = DemoNames.Pick(rng, ContactSubjects), Notes = "Konu ilgili müdürlüğe iletildi.", RecordedBy = "Levent Sarıkaya",
            });
        await db.SaveChangesAsync(ct);

        await SeedVisitsAsync(db, rng, now, neighbourhoods, muhtars, directorates["MUHT"].Id, ct);
        await SeedRegisterAsync(db, rng, now, muhtars, directorates, ct);
        await SeedSisterCitiesAsync(db, now, ct);
    }

    private static readonly string[] ContactSubjects =
    [
        "Mahalle parkındaki aydınlatma arızası", "Muhtarlık binasının tadilat talebi", "Kış öncesi yol ve kaldırım durumu",
        "Sosyal yardım başvurularının durumu", "Pazar yeri düzenlemesi", "Okul çevresinde trafik güvenliği",
    ];

    private static readonly RaisedPriority[] Priorities = [RaisedPriority.Acil, RaisedPriority.Yuksek, RaisedPriority.Normal, RaisedPriority.Normal, RaisedPriority.Dusuk];

    /// <summary>Two past visits with the requests raised there (taken from the mahalle's Muhtar-channel requests), a planned visit and a meeting.</summary>
    private static async Task SeedVisitsAsync(IntranetDbContext db, Random rng, DateTime now, List<Neighbourhood> neighbourhoods,
        Dictionary<int, Muhtar> muhtars, int muhtarlikId, CancellationToken ct)
    {
        var today = DemoClock.ToIstanbul(now).Date;
        var plans = new (int Days, int Hour, VisitKind Kind, int[] Neighbourhoods)[]
        {
            (-40, 14, VisitKind.MahalleZiyareti, [0]), (-12, 11, VisitKind.MahalleZiyareti, [4]),
            (6, 14, VisitKind.MahalleZiyareti, [7]), (9, 10, VisitKind.MuhtarToplantisi, [1, 2, 3, 11]),
        };
        foreach (var (days, hour, kind, indexes) in plans)
        {
            var chosen = indexes.Where(i => i < neighbourhoods.Count).Select(i => neighbourhoods[i]).ToList();
            if (chosen.Count == 0) continue;
            var start = DemoClock.FromIstanbul(today.AddDays(days).AddHours(hour));
            var visit = new MuhtarVisit
            {
                Kind = kind, StartsAt = start, EndsAt = start.AddHours(2), MayorAttends = kind == VisitKind.MahalleZiyareti,
                Title = kind == VisitKind.MahalleZiyareti ? $"{chosen[0].Name} Mahallesi Ziyareti" : $"Muhtarlar Toplantısı – {string.Join(", ", chosen.Select(c => c.Name))}",
                Place = kind == VisitKind.MahalleZiyareti ? $"{chosen[0].Name} Muhtarlığı" : "Muhtarlık İşleri Toplantı Salonu",
                CreatedAt = start.AddDays(-10), CreatedBy = "Levent Sarıkaya", UpdatedAt = start.AddDays(-10),
                Neighbourhoods = chosen.Select(c => new VisitNeighbourhood { NeighbourhoodId = c.Id }).ToList(),
            };
            var names = chosen.Select(c => muhtars.TryGetValue(c.Id, out var m) ? m.FullName : null).OfType<string>().ToList();
            if (start < now)
            {
                visit.Minutes = "Muhtar ve mahalle sakinleriyle görüşüldü; talepler ilgili müdürlüklere iletildi, bir sonraki ziyarette durumları değerlendirilecek.";
                visit.Attendees = chosen.Where(c => muhtars.ContainsKey(c.Id))
                    .Select(c => new VisitAttendee { FullName = muhtars[c.Id].FullName, Title = "Muhtar", MuhtarId = muhtars[c.Id].Id })
                    .Append(new VisitAttendee { FullName = "Cemile Karaduman", Title = "Muhtarlık İşleri Müdürü" }).ToList();
            }
            await VisitCalendar.ApplyAsync(db, visit, chosen.Select(c => c.Name).ToList(), names, muhtarlikId, ct);
            db.MuhtarVisits.Add(visit);
            await db.SaveChangesAsync(ct);
            if (start >= now) continue;

            // The requests raised there: five of the mahalle's requests received in the days after, brought by its muhtar.
            var ids = chosen.Select(c => c.Id).ToList();
            var raised = await db.Requests.Where(r => ids.Contains(r.NeighbourhoodId) && r.CreatedAt >= start && r.CreatedAt < start.AddDays(14))
                .OrderBy(r => r.Id).Select(r => new { r.Id, r.NeighbourhoodId, r.DirectorateId }).Take(5).ToListAsync(ct);
            foreach (var r in raised)
            {
                var muhtarId = muhtars.TryGetValue(r.NeighbourhoodId, out var m) ? m.Id : (int?)null;
                await db.Requests.Where(x => x.Id == r.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Channel, RequestChannel.Muhtar).SetProperty(x => x.MuhtarId, muhtarId), ct);
                db.VisitRequests.Add(new VisitRequest { VisitId = visit.Id, RequestId = r.Id, Priority = DemoNames.Pick(rng, Priorities) });
            }
            foreach (var dir in raised.Select(r => r.DirectorateId).OfType<int>().Distinct())
                db.VisitFollowUps.Add(new VisitFollowUp
                {
                    VisitId = visit.Id, DirectorateId = dir, DueOn = DateOnly.FromDateTime(today.AddDays(days + 7)), RequestedAt = start.AddHours(3),
                    RequestedBy = "Cemile Karaduman",
                    Report = days < -30 ? "Talepler yerinde incelendi; çalışmalar program dahilinde tamamlandı." : null,
                    ReportedAt = days < -30 ? start.AddDays(6) : null, ReportedBy = days < -30 ? "Müdürlük" : null,
                });
            await db.SaveChangesAsync(ct);
        }
    }

    private static AppUser User(string objectId, string name, string role, Directorate directorate, string title, string phone) => new()
    {
        ObjectId = objectId, DisplayName = name, Roles = role, Directorate = directorate, Title = title, IsDemo = true,
        Email = $"{DemoData.MailboxOf(name)}@{DemoData.MailDomain}", Phone = PhoneNumber.Normalize(phone),
    };
}
