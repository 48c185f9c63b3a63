using Intranet.Core.Common;
using Intranet.Core.Requests;
using Intranet.Core.Requests.Bulletin;
using Intranet.Core.Requests.Callbacks;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests.SecondRound;

/// <summary>
/// The October 2026 bulletin of a hand-made data set (and September before it), every figure worked out by hand in
/// the comments. Times are Istanbul wall-clock (UTC+3); the day boundaries are where the traps are.
/// </summary>
public sealed class MonthlyBulletinTests : IDisposable
{
    private readonly RequestWorld _world = new();
    private int _sequence = 100;

    public MonthlyBulletinTests() => Seed();

    public void Dispose() => _world.Dispose();

    private void Seed()
    {
        using var db = _world.Database.Create(UserContext.System);
        var category = db.Categories.OrderBy(c => c.Id).First().Id;
        int Dir(string code) => db.Directorates.Single(d => d.Code == code).Id;
        int Hood(string name) => db.Neighbourhoods.Single(n => n.Name == name).Id;
        var (caglayan, gultepe, merkez) = (Hood("Çağlayan"), Hood("Gültepe"), Hood("Merkez"));

        Request Add(RequestType type, RequestChannel channel, int hood, string? dir, string created, string? answered, RequestStatus status, int? score = null,
            CallbackStatus callback = CallbackStatus.Tamamlandi)
        {
            var at = IstanbulTime.ToUtc(DateTime.Parse(created, System.Globalization.CultureInfo.InvariantCulture));
            var seq = ++_sequence;
            var r = new Request
            {
                Number = RequestNumber.Format(2026, seq), Year = 2026, Sequence = seq, Text = "Bülten deneme başvurusu", Type = type, Channel = channel,
                Status = status, NeighbourhoodId = hood, CategoryId = category, DirectorateId = dir is null ? null : Dir(dir),
                CreatedAt = at, CreatedOn = IstanbulTime.Today(at), UpdatedAt = at, DueAt = at.AddDays(10), AnswerDueAt = at.AddDays(10),
                AnsweredAt = answered is null ? null : IstanbulTime.ToUtc(DateTime.Parse(answered, System.Globalization.CultureInfo.InvariantCulture)),
            };
            db.Requests.Add(r);
            if (score is not null || callback != CallbackStatus.Tamamlandi)
                db.SatisfactionCallbacks.Add(new SatisfactionCallback { Request = r, SampledAt = at, Status = callback, Score = score, Solved = score >= 3 });
            return r;
        }

        // October 2026 (12 applications):
        //  #   type          channel       mahalle   müdürlük  received          answered          days
        //  1   şikâyet       çağrı merk.   Çağlayan  FEN       05.10 09:00       05.10 16:00       0  (same day)  callback 5
        //  2   şikâyet       çağrı merk.   Çağlayan  FEN       05.10 22:30       05.10 23:50       0  (same day; 19:30/20:50 UTC)
        //  3   talep         web           Çağlayan  FEN       06.10 23:00       07.10 00:30       1  (same UTC day, next Istanbul day)  callback waiting
        //  4   talep         web           Gültepe   PARK      08.10 10:00       10.10 10:00       2  callback 4
        //  5   dilekçe→talep masa          Gültepe   PARK      08.10 10:00       12.10 09:00       4  callback not reached
        //  6   bilgi istemi  e-posta       Merkez    İMAR      09.10 10:00       19.10 10:00       10 callback 2
        //  7   öneri         web           Merkez    PARK      12.10 10:00       —                 open
        //  8   ihbar         WhatsApp      Merkez    ZAB       13.10 10:00       13.10 11:00       0  (same day)
        //  9   teşekkür      çağrı merk.   Gültepe   HALK      14.10 10:00       17.10 10:00       3  callback 5
        //  10  şikâyet       çağrı merk.   Çağlayan  ALT       15.10 10:00       —                 forwarded
        //  11  talep         CİMER         Çağlayan  ALT       20.10 10:00       —                 forwarded
        //  12  şikâyet       web           Merkez    —         31.10 23:30       —                 new (20:30 UTC, still 31 October)
        Add(RequestType.Sikayet, RequestChannel.CagriMerkezi, caglayan, "FEN", "2026-10-05 09:00", "2026-10-05 16:00", RequestStatus.Kapandi, score: 5);
        Add(RequestType.Sikayet, RequestChannel.CagriMerkezi, caglayan, "FEN", "2026-10-05 22:30", "2026-10-05 23:50", RequestStatus.Cevaplandi);
        Add(RequestType.Talep, RequestChannel.Web, caglayan, "FEN", "2026-10-06 23:00", "2026-10-07 00:30", RequestStatus.Cevaplandi, callback: CallbackStatus.Bekliyor);
        Add(RequestType.Talep, RequestChannel.Web, gultepe, "PARK", "2026-10-08 10:00", "2026-10-10 10:00", RequestStatus.Kapandi, score: 4);
        Add(RequestType.Dilekce, RequestChannel.Masa, gultepe, "PARK", "2026-10-08 10:00", "2026-10-12 09:00", RequestStatus.Kapandi, callback: CallbackStatus.Ulasilamadi);
        Add(RequestType.BilgiEdinme, RequestChannel.EPosta, merkez, "IMAR", "2026-10-09 10:00", "2026-10-19 10:00", RequestStatus.Kapandi, score: 2);
        Add(RequestType.Oneri, RequestChannel.Web, merkez, "PARK", "2026-10-12 10:00", null, RequestStatus.Islemde);
        Add(RequestType.Ihbar, RequestChannel.WhatsApp, merkez, "ZAB", "2026-10-13 10:00", "2026-10-13 11:00", RequestStatus.Kapandi);
        Add(RequestType.Tesekkur, RequestChannel.CagriMerkezi, gultepe, "HALK", "2026-10-14 10:00", "2026-10-17 10:00", RequestStatus.Kapandi, score: 5);
        Add(RequestType.Sikayet, RequestChannel.CagriMerkezi, caglayan, "ALT", "2026-10-15 10:00", null, RequestStatus.DisKurumaYonlendirildi);
        Add(RequestType.Talep, RequestChannel.Cimer, caglayan, "ALT", "2026-10-20 10:00", null, RequestStatus.DisKurumaYonlendirildi);
        Add(RequestType.Sikayet, RequestChannel.Web, merkez, null, "2026-10-31 23:30", null, RequestStatus.Yeni);

        // September 2026 (4 applications):
        //  S1  şikâyet  çağrı merk.  Çağlayan  FEN   10.09 10:00   10.09 12:00   0 (same day)
        //  S2  talep    web          Gültepe   PARK  11.09 10:00   13.09 10:00   2   callback 3
        //  S3  talep    web          Gültepe   PARK  12.09 10:00   18.09 10:00   6
        //  S4  şikâyet  çağrı merk.  Çağlayan  ALT   30.09 23:30   —             forwarded (20:30 UTC, still 30 September)
        Add(RequestType.Sikayet, RequestChannel.CagriMerkezi, caglayan, "FEN", "2026-09-10 10:00", "2026-09-10 12:00", RequestStatus.Kapandi);
        Add(RequestType.Talep, RequestChannel.Web, gultepe, "PARK", "2026-09-11 10:00", "2026-09-13 10:00", RequestStatus.Kapandi, score: 3);
        Add(RequestType.Talep, RequestChannel.Web, gultepe, "PARK", "2026-09-12 10:00", "2026-09-18 10:00", RequestStatus.Kapandi);
        Add(RequestType.Sikayet, RequestChannel.CagriMerkezi, caglayan, "ALT", "2026-09-30 23:30", null, RequestStatus.DisKurumaYonlendirildi);

        // Outside both months: August, and 1 November 00:30 Istanbul (still 31 October in UTC).
        Add(RequestType.Talep, RequestChannel.Web, merkez, "FEN", "2026-08-31 10:00", "2026-08-31 11:00", RequestStatus.Kapandi, score: 1);
        Add(RequestType.Talep, RequestChannel.Web, merkez, "FEN", "2026-11-01 00:30", "2026-11-01 01:00", RequestStatus.Kapandi, score: 1);
        db.SaveChanges();
    }

    private Task<MonthlyBulletinReport> OctoberAsync(string objectId = "demo-halk-personel-1") =>
        new SecondRoundServices(_world, _world.As(objectId)).Bulletin.GetAsync(2026, 10);

    [Fact]
    public async Task Headline_figures_match_the_hand_worked_answers()
    {
        var report = await OctoberAsync();
        var oct = report.Current;

        Assert.Equal("Ekim 2026", report.Title);
        Assert.Equal(12, oct.Total);
        // Same day: #1, #2 (both before midnight in Istanbul) and #8; #3 crossed midnight in Istanbul → 3 of 12 = 25 %.
        Assert.Equal(3, oct.AnsweredSameDay);
        Assert.Equal(0.25, oct.SameDayShare!.Value, 9);
        // Later answers in days: #3 1, #4 2, #9 3, #5 4, #6 10 → five; mean 20 / 5 = 4; median the middle of 1,2,3,4,10 = 3.
        // (With the three same-day zeros it would be 20 / 8 = 2.5 and median 1.5: the exclusion matters.)
        Assert.Equal(5, oct.AnsweredLater);
        Assert.Equal(4.0, oct.AverageDays!.Value, 9);
        Assert.Equal(3.0, oct.MedianDays!.Value, 9);
        // Forwarded: #10 and #11; never among the answered.
        Assert.Equal(2, oct.Forwarded);
        // Callbacks: completed with a score on #1 (5), #4 (4), #6 (2), #9 (5) → 4 reached, 3 scoring 4-5 → 75 %.
        // #3 is still waiting and #5 was never reached: neither counts.
        Assert.Equal((4, 3), (oct.CallbacksReached, oct.Satisfied));
        Assert.Equal(0.75, oct.SatisfactionRate!.Value, 9);
    }

    [Fact]
    public async Task The_previous_month_and_the_month_on_month_change_match_too()
    {
        var report = await OctoberAsync();
        var sep = report.Previous;

        // September: 4 applications, S1 same day → 1 / 4 = 25 %; later S2 2 and S3 6 days → mean 4, median (2 + 6) / 2 = 4.
        Assert.Equal((4, 1, 2, 1), (sep.Total, sep.AnsweredSameDay, sep.AnsweredLater, sep.Forwarded));
        Assert.Equal(0.25, sep.SameDayShare!.Value, 9);
        Assert.Equal(4.0, sep.AverageDays!.Value, 9);
        Assert.Equal(4.0, sep.MedianDays!.Value, 9);
        // One callback, S2 scoring 3 → 0 of 1 satisfied.
        Assert.Equal(0.0, sep.SatisfactionRate!.Value, 9);

        var summary = report.Summary.ToDictionary(r => r.Name);
        Assert.Equal(8.0, summary["Toplam başvuru"].Change);                                   // 12 − 4
        Assert.Equal(0.0, summary["Aynı gün cevaplanma oranı"].Change!.Value, 9);             // 25 % − 25 %
        Assert.Equal(-1.0, summary["Medyan çözüm süresi (gün, aynı gün hariç)"].Change!.Value, 9); // 3 − 4
        Assert.Equal(1.0, summary["Dış kuruma yönlendirilen"].Change);                        // 2 − 1
        Assert.Equal(0.75, summary["Memnuniyet oranı (4-5 puan)"].Change!.Value, 9);          // 75 % − 0 %
        Assert.Equal("+%75,0 puan", BulletinFigureRow.Format(summary["Memnuniyet oranı (4-5 puan)"].Change, BulletinUnit.Share, signed: true));
        Assert.Equal("4,0 gün", BulletinFigureRow.Format(report.Current.AverageDays, BulletinUnit.Days));
        Assert.Equal("-1,0 gün", BulletinFigureRow.Format(summary["Medyan çözüm süresi (gün, aynı gün hariç)"].Change, BulletinUnit.Days, signed: true));
        Assert.Equal("+%100,0", report.ByType.Single(l => l.Name == "Talep").ChangeText);
    }

    [Fact]
    public async Task Breakdowns_by_type_channel_neighbourhood_and_directorate_match_the_hand_count()
    {
        var report = await OctoberAsync();

        // Types in the desks' order; the dilekçe (#5) is a talep. September: şikâyet S1, S4; talep S2, S3.
        Assert.Equal(
            [("Bilgi İstemi", 1, 0), ("Şikâyet", 4, 2), ("Talep", 4, 2), ("Öneri", 1, 0), ("İhbar", 1, 0), ("Teşekkür", 1, 0)],
            report.ByType.Select(l => (l.Name, l.Count, l.PreviousCount)));
        Assert.Equal(1.0, report.ByType.Single(l => l.Name == "Talep").Change);   // (4 − 2) / 2
        Assert.Null(report.ByType.Single(l => l.Name == "Öneri").Change);         // nothing to compare with

        // Çağrı merkezi #1 #2 #9 #10, web #3 #4 #7 #12, then one each; September: çağrı merkezi 2, web 2.
        Assert.Equal(
            [("Çağrı Merkezi", 4, 2), ("Web", 4, 2), ("CİMER", 1, 0), ("Çözüm Masası", 1, 0), ("E-posta", 1, 0), ("WhatsApp", 1, 0)],
            report.ByChannel.Select(l => (l.Name, l.Count, l.PreviousCount)));

        // Çağlayan #1 #2 #3 #10 #11, Merkez #6 #7 #8 #12, Gültepe #4 #5 #9; September Çağlayan 2, Gültepe 2.
        Assert.Equal([("Çağlayan", 5, 2), ("Merkez", 4, 0), ("Gültepe", 3, 2)], report.ByNeighbourhood.Select(l => (l.Name, l.Count, l.PreviousCount)));
        Assert.Equal(0.5, report.ByNeighbourhood.Single(l => l.Name == "Gültepe").Change);   // (3 − 2) / 2

        var directorates = report.ByDirectorate.ToDictionary(l => l.Name, l => (l.Count, l.PreviousCount));
        Assert.Equal((3, 1), directorates["Fen İşleri Müdürlüğü"]);
        Assert.Equal((3, 2), directorates["Park ve Bahçeler Müdürlüğü"]);
        Assert.Equal((2, 1), directorates["Su ve Kanal İşleri (Altyapı) Müdürlüğü"]);
        Assert.Equal((1, 0), directorates["Havale edilmemiş"]);
        Assert.Equal(12, report.ByDirectorate.Sum(l => l.Count));
    }

    [Fact]
    public async Task A_director_gets_the_bulletin_of_their_own_directorate()
    {
        var report = await OctoberAsync("demo-fen-mudur");

        // Fen in October: #1 and #2 the same day, #3 one day later.
        Assert.Equal((3, 2, 1), (report.Current.Total, report.Current.AnsweredSameDay, report.Current.AnsweredLater));
        Assert.Equal(1.0, report.Current.AverageDays!.Value, 9);
        Assert.Equal(1, report.Previous.Total);
        Assert.Equal("Fen İşleri Müdürlüğü", Assert.Single(report.ByDirectorate).Name);
    }

    [Fact]
    public async Task A_month_with_nothing_in_it_has_no_figures_rather_than_zeros_that_look_measured()
    {
        var report = await new SecondRoundServices(_world, _world.As("demo-admin")).Bulletin.GetAsync(2026, 6);

        Assert.Equal(0, report.Current.Total);
        Assert.Null(report.Current.SameDayShare);
        Assert.Null(report.Current.AverageDays);
        Assert.Null(report.Current.SatisfactionRate);
        Assert.All(report.ByType, l => Assert.Equal(0, l.Count));
        await Assert.ThrowsAsync<ValidationException>(() => new SecondRoundServices(_world, _world.As("demo-admin")).Bulletin.GetAsync(2026, 13));
    }
}
