using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Press;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Seeding;

/// <summary>Press data (<see cref="DemoPress"/>), calendar events, appointments and performance indicators around "now".</summary>
internal static class DemoExtras
{
    public static async Task SeedAsync(IntranetDbContext db, IReadOnlyDictionary<string, Directorate> directorates, Random rng, DateTime now, CancellationToken ct)
    {
        var neighbourhoods = await db.Neighbourhoods.OrderBy(n => n.Id).Select(n => new { n.Id, n.Name }).ToListAsync(ct);
        var names = neighbourhoods.Select(n => n.Name).ToArray();

        await DemoPress.SeedAsync(db, directorates, names, now, ct);

        var appointments = Appointments(rng, now).ToList();
        var events = Events(rng, now, directorates, neighbourhoods.Select(n => (n.Id, n.Name)).ToList(), appointments).ToList();
        db.CalendarEvents.AddRange(events);
        await db.SaveChangesAsync(ct);
        db.Appointments.AddRange(appointments.Select(a => a.Appointment));
        foreach (var (appointment, calendarEvent) in appointments)
            if (calendarEvent is not null) appointment.CalendarEventId = calendarEvent.Id;

        await DemoPerformance.SeedAsync(db, directorates, rng, now, ct);
    }

    private static readonly (int Month, int Day, string Title)[] NationalDays =
    [
        (3, 18, "18 Mart Çanakkale Zaferi ve Şehitleri Anma Töreni"), (4, 23, "23 Nisan Ulusal Egemenlik ve Çocuk Bayramı"),
        (5, 19, "19 Mayıs Atatürk'ü Anma, Gençlik ve Spor Bayramı"), (7, 15, "15 Temmuz Demokrasi ve Millî Birlik Günü"),
        (8, 30, "30 Ağustos Zafer Bayramı"), (10, 29, "29 Ekim Cumhuriyet Bayramı Kutlaması"),
        (11, 10, "10 Kasım Atatürk'ü Anma Töreni"), (11, 24, "24 Kasım Öğretmenler Günü Programı"),
        (12, 3, "3 Aralık Dünya Engelliler Günü Etkinliği"), (1, 10, "10 Ocak Çalışan Gazeteciler Günü Kahvaltısı"),
    ];

    private static readonly Dictionary<EventType, string[]> EventTitles = new()
    {
        [EventType.Toren] = ["Temel Atma Töreni – {mahalle} Kreş Binası", "Meslek Edindirme Kursları Sertifika Töreni", "Şehit Aileleri Anma Töreni"],
        [EventType.Acilis] = ["{mahalle} Parkı Açılışı", "{mahalle} Taziye Evi Açılışı", "{mahalle} Gençlik Merkezi Açılışı"],
        [EventType.MilliGun] = ["Şehitlerimizi Anma Programı"],
        [EventType.KulturelEtkinlik] = ["Kağıthane Kitap Günleri", "Halk Müziği Konseri", "Çocuk Tiyatrosu: Keloğlan", "Fotoğraf Sergisi: Eski Kağıthane"],
        [EventType.MahalleZiyareti] = ["{mahalle} Mahallesi Ziyareti", "{mahalle} Mahallesi Esnaf Ziyareti"],
        [EventType.MuhtarToplantisi] = ["Muhtarlar Toplantısı – {mahalle} ve çevresi"],
        [EventType.BasinToplantisi] = ["Basın Toplantısı: Kış Hazırlıkları", "Basın Toplantısı: Yılın Yatırımları"],
        [EventType.BaskanRandevusu] = ["Başkan Randevusu: Esnaf Temsilcileri"],
        [EventType.Meclis] = ["Belediye Meclisi Olağan Toplantısı"],
    };

    /// <summary>About 30 events in this month and the next (Istanbul calendar), every type at least once.</summary>
    private static IEnumerable<CalendarEvent> Events(Random rng, DateTime now, IReadOnlyDictionary<string, Directorate> dirs,
        List<(int Id, string Name)> neighbourhoods, List<(Appointment Appointment, CalendarEvent? Event)> appointments)
    {
        var local = DemoClock.ToIstanbul(now);
        var first = new DateTime(local.Year, local.Month, 1);
        var end = first.AddMonths(2);
        var count = 0;

        foreach (var (month, day, title) in NationalDays)
        {
            foreach (var year in new[] { first.Year, end.Year })
            {
                var date = new DateTime(year, month, day, 10, 0, 0);
                if (date < first || date >= end) continue;
                count++;
                yield return Event(title, EventType.MilliGun, date, 3, dirs["KULT"].Id, "Kağıthane Cumhuriyet Meydanı", null, mayor: true);
            }
        }
        foreach (var month in new[] { first, first.AddMonths(1) })
        {
            var firstWednesday = month.AddDays(((int)DayOfWeek.Wednesday - (int)month.DayOfWeek + 7) % 7).AddHours(14);
            count++;
            yield return Event("Belediye Meclisi Olağan Toplantısı", EventType.Meclis, firstWednesday, 3, dirs["OZK"].Id, "Belediye Meclis Salonu", null, mayor: true);
        }
        var weekly = Event("Haftalık Muhtarlar Toplantısı", EventType.MuhtarToplantisi, first.AddDays(((int)DayOfWeek.Tuesday - (int)first.DayOfWeek + 7) % 7).AddHours(10), 2,
            dirs["MUHT"].Id, "Muhtarlık İşleri Toplantı Salonu", null, mayor: false);
        weekly.RecurrenceRule = "FREQ=WEEKLY;BYDAY=TU";
        count++;
        yield return weekly;

        foreach (var (appointment, _) in appointments.ToList())
        {
            if (appointment.Status != AppointmentStatus.Planlandi || appointment.ScheduledAt is not { } at) continue;
            var e = Event($"Başkan Randevusu: {appointment.RequesterName}", EventType.BaskanRandevusu, DemoClock.ToIstanbul(at), 1, dirs["OZK"].Id, "Başkanlık Makamı", null, mayor: true);
            e.IsPublic = false;
            appointments[appointments.FindIndex(a => a.Appointment == appointment)] = (appointment, e);
            count++;
            yield return e;
        }

        var types = Enum.GetValues<EventType>();
        for (var i = 0; count < 30; i++, count++)
        {
            var type = types[i % types.Length];
            var place = DemoNames.Pick(rng, neighbourhoods);
            var title = DemoNames.Pick(rng, EventTitles[type]).Replace("{mahalle}", place.Name);
            var start = first.AddDays(rng.Next((end - first).Days)).AddHours(DemoNames.Pick(rng, new[] { 10, 11, 14, 16, 19 }));
            var dir = type switch
            {
                EventType.KulturelEtkinlik or EventType.MilliGun => "KULT",
                EventType.BasinToplantisi => "BASIN",
                EventType.MuhtarToplantisi or EventType.MahalleZiyareti => "MUHT",
                EventType.Acilis => "PARK",
                _ => "OZK",
            };
            yield return Event(title, type, start, rng.Next(1, 4), dirs[dir].Id, $"{place.Name} Mahallesi", place.Id,
                mayor: type is EventType.Acilis or EventType.Toren or EventType.MahalleZiyareti || rng.Next(3) == 0);
        }
    }

    private static CalendarEvent Event(string title, EventType type, DateTime localStart, int hours, int directorateId, string place, int? neighbourhoodId, bool mayor) => new()
    {
        Title = title,
        Type = type,
        DirectorateId = directorateId,
        Place = place,
        NeighbourhoodId = neighbourhoodId,
        StartsAt = DemoClock.FromIstanbul(localStart),
        EndsAt = DemoClock.FromIstanbul(localStart.AddHours(hours)),
        MayorAttends = mayor,
        ProtocolNotes = mayor ? "Protokol sırası: Kaymakam, Belediye Başkanı, İlçe Emniyet Müdürü, muhtarlar." : null,
    };

    private static readonly string[] Institutions =
        ["Gültepe Spor Kulübü Derneği", "Hamidiye Mahalle Güzelleştirme Derneği", "Kağıthane Engelliler Dayanışma Derneği", "Nurtepe Ortaokulu Okul Aile Birliği", "Kağıthane Esnaf Dayanışma Derneği"];

    private static readonly string[] Subjects =
    [
        "Mahallemizdeki park alanının spor sahasına dönüştürülmesi talebi", "Kentsel dönüşüm sürecinde yaşanan mağduriyet",
        "Derneğimizin yıllık etkinliğine davet", "Okulumuzun bahçe duvarı ve yol güvenliği", "İş başvurusu ve istihdam desteği",
        "Engelli vatandaşlar için ulaşım desteği", "Cami çevre düzenlemesi", "Esnafın otopark sorunu",
    ];

    /// <summary>Eight appointments in each status, with their times consistent with the status.</summary>
    private static IEnumerable<(Appointment Appointment, CalendarEvent? Event)> Appointments(Random rng, DateTime now)
    {
        foreach (var status in Enum.GetValues<AppointmentStatus>())
        {
            for (var i = 0; i < 8; i++)
            {
                var institution = rng.Next(3) == 0 ? DemoNames.Pick(rng, Institutions) : null;
                var name = DemoNames.FullName(rng);
                var requested = now.AddDays(-(status is AppointmentStatus.Gorusuldu ? rng.Next(20, 60) : rng.Next(1, 20))).AddMinutes(-rng.Next(600));
                var scheduledLocal = DemoClock.ToIstanbul(now).Date.AddDays(status == AppointmentStatus.Planlandi ? rng.Next(1, 30) : -rng.Next(1, 15)).AddHours(rng.Next(9, 17));
                yield return (new Appointment
                {
                    RequesterName = name,
                    Institution = institution,
                    Phone = DemoNames.Mobile(rng),
                    Email = rng.Next(2) == 0 ? DemoNames.Email(rng, name) : null,
                    Subject = DemoNames.Pick(rng, Subjects),
                    PreferredDates = rng.Next(2) == 0 ? "Hafta içi öğleden sonra" : "Salı veya perşembe sabah",
                    Channel = (AppointmentChannel)rng.Next(4),
                    Status = status,
                    RequestedAt = requested,
                    ScheduledAt = status is AppointmentStatus.Planlandi or AppointmentStatus.Gorusuldu ? DemoClock.FromIstanbul(scheduledLocal) : null,
                    Outcome = status switch
                    {
                        AppointmentStatus.Gorusuldu => "Görüşme yapıldı; talep ilgili müdürlüğe iletildi, sonuç başvuru sahibine bildirilecek.",
                        AppointmentStatus.Reddedildi => "Konu ilgili müdürlükçe çözülebileceğinden Çözüm Merkezine yönlendirildi.",
                        _ => null,
                    },
                }, null);
            }
        }
    }
}
