using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Intranet.Tests.Calendar.IstanbulWallClock;

namespace Intranet.Tests.Calendar;

public sealed class AppointmentTests : IAsyncLifetime
{
    private readonly CalendarWorld _world = new();
    private readonly SmtpSink _smtp = new();
    private SmsEndpoint _sms = null!;

    public async Task InitializeAsync() => _sms = await SmsEndpoint.StartAsync();

    private AppointmentService Office(string who = "demo-ozk-1") => _world.Appointments(_world.As(who),
        new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, UseStartTls = false, From = "ozelkalem@kagithane.bel.tr" }),
        new HttpSmsSender(new HttpClient(), new SmsOptions { Url = _sms.Url, ApiKey = "k", Sender = "KAGITHANE" }));

    private static AppointmentForm Request() => new()
    {
        RequesterName = "Gülay Öztürk", Institution = "Hamidiye Mahalle Güzelleştirme Derneği", Phone = "0532 987 65 43",
        Email = "gulay@example.com.tr", Subject = "Mahalle parkının yenilenmesi", PreferredDates = "Hafta içi sabah", Channel = AppointmentChannel.Telefon,
    };

    private async Task<Guid> VersionOf(int id)
    {
        await using var db = _world.Database.Create(UserContext.System);
        return await db.Appointments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
    }

    [Fact]
    public void Free_slots_are_in_working_hours_skipping_lunch_holidays_weekends_and_the_mayors_events()
    {
        var calendar = new WorkingCalendar(TurkishHolidays.Shipped());
        // Wednesday 28 October 2026 is the half-day eve of Cumhuriyet Bayramı; the mayor is busy 10:00–11:00.
        var busy = new[] { new OccurrenceTime(Utc(2026, 10, 28, 10, 0), Utc(2026, 10, 28, 11, 0)) };

        var slots = FreeSlots.Find(calendar, busy, Utc(2026, 10, 28, 9, 45), TimeSpan.FromMinutes(30), 4);

        // 11:00, 11:30, 12:00 on the eve (closes 12:30); 29 Oct is the holiday; Friday 30 Oct opens at 08:30.
        Assert.Equal([Utc(2026, 10, 28, 11, 0), Utc(2026, 10, 28, 11, 30), Utc(2026, 10, 28, 12, 0), Utc(2026, 10, 30, 8, 30)], slots);
        // An hour from 12:00 would run into lunch (12:30–13:30); Saturday is never offered.
        var hours = FreeSlots.Find(calendar, [], Utc(2026, 10, 30, 11, 45), TimeSpan.FromHours(1), 3);
        Assert.Equal([Utc(2026, 10, 30, 13, 30), Utc(2026, 10, 30, 14, 0), Utc(2026, 10, 30, 14, 30)], hours);
        Assert.False(FreeSlots.IsFree(calendar, [], Utc(2026, 10, 31, 10, 0), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public async Task A_request_is_scheduled_in_free_time_the_requester_is_told_and_the_meeting_is_recorded()
    {
        var office = Office();
        var id = await office.CreateAsync(Request());
        Assert.Equal(AppointmentStatus.Bekliyor, Assert.Single(await office.ListAsync(AppointmentStatus.Bekliyor)).Status);

        // The clock is Wednesday 25 November 10:00; the mayor opens a school 10:00–12:00, lunch is 12:30–13:30.
        await _world.Service(_world.As("demo-ozk-1")).SaveAsync(_world.Form("Okul Açılışı", "OZK", new DateTime(2026, 11, 25, 10, 0, 0), 2, mayor: true));
        var slots = await office.FreeSlotsAsync(null, 30, 3);
        Assert.Equal([Utc(2026, 11, 25, 12, 0), Utc(2026, 11, 25, 13, 30), Utc(2026, 11, 25, 14, 0)], slots);

        var decision = await office.ScheduleAsync(id, await VersionOf(id), slots[1], 30);

        Assert.All(decision.Messages, m => Assert.True(m.Sent, m.Error));
        var sms = Assert.Single(_sms.Received);
        Assert.Equal("905329876543", sms.To);
        Assert.Equal("Sayın Gülay Öztürk, Belediye Başkanımız ile randevunuz 25 Kasım 2026 Çarşamba, 13:30 olarak planlanmıştır. " +
                     "Yer: Başkanlık Makamı. Kağıthane Belediyesi Özel Kalem", sms.Text);
        Assert.Equal(["gulay@example.com.tr"], Assert.Single(_smtp.Messages).Recipients);
        var meeting = Assert.Single(await _world.OccurrencesAsync(_world.As("demo-ozk-1"), new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 26)),
            o => o.Type == EventType.BaskanRandevusu);
        Assert.Equal(("Başkan Randevusu: Gülay Öztürk (Hamidiye Mahalle Güzelleştirme Derneği)", Utc(2026, 11, 25, 13, 30), Utc(2026, 11, 25, 14, 0), false, true),
            (meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.IsPublic, meeting.MayorAttends));
        Assert.Equal(2, (await office.MessagesAsync(id)).Count(m => m.Sent));

        // The meeting took place.
        await office.CompleteAsync(id, decision.Version, "Park projesi Park ve Bahçeler Müdürlüğüne havale edildi.");
        var done = Assert.Single(await office.ListAsync(AppointmentStatus.Gorusuldu));
        Assert.Equal("Park projesi Park ve Bahçeler Müdürlüğüne havale edildi.", done.Outcome);
        Assert.Equal(1, (await office.CountsAsync())[AppointmentStatus.Gorusuldu]);
        Assert.Contains(ChangeTopic.Calendar, _world.Changes.Published);
    }

    [Fact]
    public async Task A_failed_sms_is_recorded_and_shown_and_can_be_sent_again()
    {
        var office = Office();
        var id = await office.CreateAsync(Request());
        _sms.StatusCode = 500;

        var decision = await office.ScheduleAsync(id, await VersionOf(id), Utc(2026, 11, 26, 9, 0), 30);

        var failed = Assert.Single(decision.Messages, m => m.Channel == MessageChannel.Sms);
        Assert.False(failed.Sent);
        Assert.Contains("SMS gönderilemedi", failed.Error);
        Assert.Single(await office.ListAsync(AppointmentStatus.Planlandi)); // the appointment itself stands
        Assert.Contains(await office.MessagesAsync(id), m => m is { Channel: MessageChannel.Sms, Sent: false });

        _sms.StatusCode = 200;
        Assert.All(await office.InformAgainAsync(id), m => Assert.True(m.Sent));
        Assert.Equal(2, (await office.MessagesAsync(id)).Count(m => m.Channel == MessageChannel.Sms));
    }

    [Fact]
    public async Task A_walk_in_is_seen_at_once_when_the_mayor_is_free_and_becomes_a_request_when_not()
    {
        var office = Office();
        var walkIn = Request();
        walkIn.Phone = null;
        walkIn.Email = null;

        var seen = await office.WalkInAsync(walkIn);
        Assert.True(seen.SeenNow);
        var now = Assert.Single(await office.ListAsync(AppointmentStatus.Planlandi));
        Assert.Equal((Utc(2026, 11, 25, 10, 0), true, AppointmentChannel.Ziyaret), (now.ScheduledAt, now.WalkIn, now.Channel));

        // The mayor is now in that meeting until 10:30: the next visitor waits, and is offered the next free times.
        var waiting = await office.WalkInAsync(walkIn);
        Assert.False(waiting.SeenNow);
        Assert.Equal(Utc(2026, 11, 25, 10, 30), waiting.NextFreeSlots[0]);
        Assert.Single(await office.ListAsync(AppointmentStatus.Bekliyor));
    }

    [Fact]
    public async Task A_time_taken_in_the_mayors_programme_is_refused_unless_confirmed_and_a_decline_tells_why()
    {
        var office = Office();
        var council = _world.Form("Meclis Toplantısı", "OZK", new DateTime(2026, 12, 2, 14, 0, 0), 3, mayor: true);
        await _world.Service(_world.As("demo-ozk-1")).SaveAsync(council);
        var id = await office.CreateAsync(Request());

        var version = await VersionOf(id);
        await Assert.ThrowsAsync<MayorConflictException>(() => office.ScheduleAsync(id, version, Utc(2026, 12, 2, 15, 0), 30));
        await office.ScheduleAsync(id, version, Utc(2026, 12, 2, 15, 0), 30, confirmConflicts: true);
        Assert.Single(await office.ListAsync(AppointmentStatus.Planlandi));
        var other = await office.CreateAsync(Request());
        var declined = await office.DeclineAsync(other, await VersionOf(other), "Konu Park ve Bahçeler Müdürlüğünce çözülecektir.");
        Assert.Contains("görüşme talebiniz değerlendirildi: Konu Park ve Bahçeler Müdürlüğünce çözülecektir.", _sms.Received.Last().Text);
        Assert.Equal(AppointmentStatus.Reddedildi, Assert.Single(await office.ListAsync(AppointmentStatus.Reddedildi)).Status);
        Assert.NotEqual(Guid.Empty, declined.Version);
    }

    [Fact]
    public async Task Only_the_mayors_office_and_admin_handle_appointments_and_a_request_needs_a_way_to_reach_the_requester()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Office("demo-fen-mudur").ListAsync(AppointmentStatus.Bekliyor));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Office("demo-halk-personel-1").CreateAsync(Request()));
        var noContact = Request();
        noContact.Phone = null;
        noContact.Email = null;
        var error = await Assert.ThrowsAsync<ValidationException>(() => Office("demo-admin").CreateAsync(noContact));
        Assert.Equal("Randevunun bildirilebilmesi için telefon veya e-posta girin.", error.Fields[nameof(AppointmentForm.Phone)]);
    }

    public async Task DisposeAsync()
    {
        await _sms.DisposeAsync();
        await _smtp.DisposeAsync();
        _world.Dispose();
    }
}
