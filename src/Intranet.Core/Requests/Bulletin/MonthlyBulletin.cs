using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests.Callbacks;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests.Bulletin;

/// <summary>The application types a desk's monthly bulletin reports.</summary>
public enum BulletinType
{
    BilgiIstemi,
    Sikayet,
    Talep,
    Oneri,
    Ihbar,
    Tesekkur,
}

/// <summary>One line of a breakdown: this month's count and last month's.</summary>
public sealed record BulletinLine(string Name, int Count, int PreviousCount)
{
    /// <summary>Month-on-month change as a fraction (0.25 = %25 more); null when last month had none.</summary>
    public double? Change => PreviousCount == 0 ? null : (double)(Count - PreviousCount) / PreviousCount;

    /// <summary>The change as the bulletin prints it: "+%25,0", "-%10,0", "—".</summary>
    public string ChangeText => BulletinFigureRow.Format(Change, BulletinUnit.Share, signed: true).Replace(" puan", "");
}

/// <summary>The headline figures of one month.</summary>
public sealed record BulletinFigures(
    int Total,
    int AnsweredSameDay,
    double? SameDayShare,
    int AnsweredLater,
    double? AverageDays,
    double? MedianDays,
    int Forwarded,
    int CallbacksReached,
    int Satisfied,
    double? SatisfactionRate);

public sealed record MonthlyBulletinReport(
    int Year,
    int Month,
    BulletinFigures Current,
    BulletinFigures Previous,
    IReadOnlyList<BulletinLine> ByType,
    IReadOnlyList<BulletinLine> ByChannel,
    IReadOnlyList<BulletinLine> ByNeighbourhood,
    IReadOnlyList<BulletinLine> ByDirectorate)
{
    public string Title => $"{TurkishText.Culture.DateTimeFormat.GetMonthName(Month)} {Year}";

    /// <summary>The headline figures as the page and the export list them, this month beside last month.</summary>
    public IReadOnlyList<BulletinFigureRow> Summary =>
    [
        new("Toplam başvuru", Current.Total, Previous.Total, BulletinUnit.Count),
        new("Aynı gün cevaplanan", Current.AnsweredSameDay, Previous.AnsweredSameDay, BulletinUnit.Count),
        new("Aynı gün cevaplanma oranı", Current.SameDayShare, Previous.SameDayShare, BulletinUnit.Share),
        new("Sonraki günlerde cevaplanan", Current.AnsweredLater, Previous.AnsweredLater, BulletinUnit.Count),
        new("Ortalama çözüm süresi (gün, aynı gün hariç)", Current.AverageDays, Previous.AverageDays, BulletinUnit.Days),
        new("Medyan çözüm süresi (gün, aynı gün hariç)", Current.MedianDays, Previous.MedianDays, BulletinUnit.Days),
        new("Dış kuruma yönlendirilen", Current.Forwarded, Previous.Forwarded, BulletinUnit.Count),
        new("Memnuniyet araması (ulaşılan)", Current.CallbacksReached, Previous.CallbacksReached, BulletinUnit.Count),
        new("Memnuniyet oranı (4-5 puan)", Current.SatisfactionRate, Previous.SatisfactionRate, BulletinUnit.Share),
    ];
}

public enum BulletinUnit
{
    Count,
    Share,
    Days,
}

/// <summary>A headline figure of two months. <see cref="Change"/> is the difference (points for shares, days for durations).</summary>
public sealed record BulletinFigureRow(string Name, double? Current, double? Previous, BulletinUnit Unit)
{
    public double? Change => Current is { } c && Previous is { } p ? c - p : null;

    /// <summary>Turkish form: "1.234", "%45,5", "3,2 gün"; a dash when there is no figure.</summary>
    public static string Format(double? value, BulletinUnit unit, bool signed = false)
    {
        if (value is not { } v) return "—";
        // The sign goes before the per-cent sign, as Turkish writes it: "-%5,0", "+%7,5".
        var sign = v < 0 ? "-" : signed && v > 0 ? "+" : "";
        var a = Math.Abs(v);
        return unit switch
        {
            BulletinUnit.Share => $"{sign}%{(a * 100).ToString("N1", TurkishText.Culture)}" + (signed ? " puan" : ""),
            BulletinUnit.Days => $"{sign}{a.ToString("N1", TurkishText.Culture)} gün",
            _ => sign + a.ToString("N0", TurkishText.Culture),
        };
    }
}

/// <summary>
/// The monthly bulletin, the way Turkish solution desks publish it. Every figure is about the applications
/// RECEIVED in the month (Istanbul calendar), whenever they were answered:
/// <list type="bullet">
/// <item>answered the same day: the answer (Cevap ver) fell on the Istanbul day the application arrived; the share is
/// over all applications of the month;</item>
/// <item>resolution days: whole Istanbul calendar days from arrival to answer, over the applications answered on a
/// later day — same-day answers are left out of the average and the median, as the desks report them;</item>
/// <item>forwarded: applications now with an outside body (never counted as answered or solved);</item>
/// <item>satisfaction rate: completed callbacks scoring 4 or 5, over all completed callbacks.</item>
/// </list>
/// </summary>
public sealed class MonthlyBulletin(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    /// <summary>A dilekçe (Law 3071) asks for something: the bulletin counts it with the talep.</summary>
    public static BulletinType TypeOf(RequestType t) => t switch
    {
        RequestType.BilgiEdinme => BulletinType.BilgiIstemi,
        RequestType.Sikayet => BulletinType.Sikayet,
        RequestType.Oneri => BulletinType.Oneri,
        RequestType.Ihbar => BulletinType.Ihbar,
        RequestType.Tesekkur => BulletinType.Tesekkur,
        _ => BulletinType.Talep,
    };

    public static string Name(BulletinType t) => t switch
    {
        BulletinType.BilgiIstemi => "Bilgi İstemi",
        BulletinType.Sikayet => "Şikâyet",
        BulletinType.Talep => "Talep",
        BulletinType.Oneri => "Öneri",
        BulletinType.Ihbar => "İhbar",
        BulletinType.Tesekkur => "Teşekkür",
        _ => t.ToString(),
    };

    private sealed record Row(DateOnly CreatedOn, RequestType Type, RequestChannel Channel, int NeighbourhoodId, int? DirectorateId,
        DateTime? AnsweredAt, RequestStatus Status);

    public async Task<MonthlyBulletinReport> GetAsync(int year, int month, CancellationToken ct = default)
    {
        var user = currentUser.User;
        if (!Policies.Allows(Policies.Requests, user)) throw new AccessDeniedException();
        if (year is < 2000 or > 2100 || month is < 1 or > 12) throw new ValidationException("Geçerli bir ay seçin.");
        var first = new DateOnly(year, month, 1);
        var previousFirst = first.AddMonths(-1);
        var last = first.AddMonths(1).AddDays(-1);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requests = db.Requests.AsNoTracking().VisibleTo(user).Where(r => r.CreatedOn >= previousFirst && r.CreatedOn <= last);
        var rows = await requests
            .Select(r => new Row(r.CreatedOn, r.Type, r.Channel, r.NeighbourhoodId, r.DirectorateId, r.AnsweredAt, r.Status))
            .ToListAsync(ct);
        var callbacks = await db.SatisfactionCallbacks.AsNoTracking().Where(c => c.Status == CallbackStatus.Tamamlandi && c.Score != null)
            .Join(requests, c => c.RequestId, r => r.Id, (c, r) => new { r.CreatedOn, Score = c.Score!.Value })
            .ToListAsync(ct);

        var current = rows.Where(r => r.CreatedOn >= first).ToList();
        var previous = rows.Where(r => r.CreatedOn < first).ToList();
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var directorates = await db.Directorates.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);

        return new MonthlyBulletinReport(year, month,
            Figures(current, callbacks.Where(c => c.CreatedOn >= first).Select(c => c.Score)),
            Figures(previous, callbacks.Where(c => c.CreatedOn < first).Select(c => c.Score)),
            Enum.GetValues<BulletinType>().Select(t => new BulletinLine(Name(t), current.Count(r => TypeOf(r.Type) == t), previous.Count(r => TypeOf(r.Type) == t))).ToList(),
            Lines(current, previous, r => r.Channel.Name()),
            Lines(current, previous, r => neighbourhoods.GetValueOrDefault(r.NeighbourhoodId, "?")),
            Lines(current, previous, r => r.DirectorateId is { } d ? directorates.GetValueOrDefault(d, "?") : "Havale edilmemiş"));
    }

    private static BulletinFigures Figures(IReadOnlyList<Row> rows, IEnumerable<int> scores)
    {
        var days = rows.Where(r => r.AnsweredAt is not null)
            .Select(r => IstanbulTime.Today(r.AnsweredAt!.Value).DayNumber - r.CreatedOn.DayNumber).ToList();
        var sameDay = days.Count(d => d <= 0);
        var later = days.Where(d => d > 0).Order().ToList();
        var scored = scores.ToList();
        var satisfied = scored.Count(s => s >= SatisfactionStatistics.SatisfiedFrom);
        return new BulletinFigures(
            rows.Count,
            sameDay,
            rows.Count == 0 ? null : (double)sameDay / rows.Count,
            later.Count,
            later.Count == 0 ? null : later.Average(),
            later.Count == 0 ? null : Dashboard.DashboardQueries.Median(later),
            rows.Count(r => r.Status == RequestStatus.DisKurumaYonlendirildi),
            scored.Count,
            satisfied,
            scored.Count == 0 ? null : (double)satisfied / scored.Count);
    }

    private static List<BulletinLine> Lines(IReadOnlyList<Row> current, IReadOnlyList<Row> previous, Func<Row, string> key)
    {
        var now = current.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());
        var before = previous.GroupBy(key).ToDictionary(g => g.Key, g => g.Count());
        return now.Keys.Union(before.Keys)
            .Select(k => new BulletinLine(k, now.GetValueOrDefault(k), before.GetValueOrDefault(k)))
            .OrderByDescending(l => l.Count).ThenByDescending(l => l.PreviousCount).ThenBy(l => l.Name, TurkishText.Comparer).ToList();
    }
}
