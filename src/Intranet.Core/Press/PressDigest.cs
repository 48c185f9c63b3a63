using System.Text;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Press;

public sealed record DigestItem(int Id, string Title, string? Source, DateTime PublishedAt, int Importance, bool NeedsAnswer, string? Url);

public sealed record DigestTopic(string Topic, int Count, IReadOnlyList<DigestItem> Items);

public sealed record DigestTone(Tone Tone, int Count, IReadOnlyList<DigestTopic> Topics);

public sealed record SourceCount(string Source, int Count);

/// <summary>
/// The günlük basın özeti of one day: what reached the archive in the 24 hours before that day's digest hour (so each
/// clipping is in exactly one digest, however late it was captured), grouped by tone (negative first, as the mayor
/// reads it) and by topic, with counts.
/// </summary>
public sealed record PressDigestReport(
    DateOnly Day, DateTime FromUtc, DateTime ToUtc, int Total, IReadOnlyList<DigestTone> Tones, IReadOnlyList<DigestItem> NeedsAnswer,
    IReadOnlyList<SourceCount> BySource)
{
    public int CountOf(Tone tone) => Tones.FirstOrDefault(t => t.Tone == tone)?.Count ?? 0;
}

/// <summary>Builds the daily digest and its e-mail text.</summary>
public sealed class PressDigest(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, PressOptions options)
{
    public const string NoTopic = "Konu belirtilmemiş";
    private static readonly Tone[] ToneOrder = [Tone.Olumsuz, Tone.Olumlu, Tone.Notr];

    public int Hour => Math.Clamp(options.DigestHour, 0, 23);

    public async Task<PressDigestReport> BuildAsync(DateOnly day, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Press, currentUser.User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BuildAsync(db, day, Hour, ct);
    }

    /// <summary>The digest whose window ends on <paramref name="day"/> at <paramref name="hour"/> (Istanbul).</summary>
    public static async Task<PressDigestReport> BuildAsync(IntranetDbContext db, DateOnly day, int hour, CancellationToken ct)
    {
        var to = IstanbulTime.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));
        var from = IstanbulTime.ToUtc(day.AddDays(-1).ToDateTime(new TimeOnly(hour, 0)));
        var rows = await db.PressClippings.AsNoTracking().Where(c => c.CapturedAt >= from && c.CapturedAt < to)
            .Select(c => new { c.Id, c.Title, Source = c.Source != null ? c.Source.Name : null, c.PublishedAt, c.Importance, c.NeedsAnswer, c.Url, c.Tone, c.Topic })
            .ToListAsync(ct);
        var items = rows.Select(r => (r.Tone, Topic: string.IsNullOrWhiteSpace(r.Topic) ? NoTopic : r.Topic!,
                Item: new DigestItem(r.Id, r.Title, r.Source, r.PublishedAt, r.Importance, r.NeedsAnswer, r.Url)))
            .ToList();
        var tones = ToneOrder
            .Select(tone => items.Where(i => i.Tone == tone).ToList())
            .Where(group => group.Count > 0)
            .Select(group => new DigestTone(group[0].Tone, group.Count, group
                .GroupBy(i => i.Topic)
                .Select(t => new DigestTopic(t.Key, t.Count(), Ordered(t.Select(i => i.Item))))
                .OrderByDescending(t => t.Count).ThenBy(t => t.Topic == NoTopic).ThenBy(t => t.Topic, TurkishText.Comparer)
                .ToList()))
            .ToList();
        var needsAnswer = Ordered(items.Where(i => i.Item.NeedsAnswer).Select(i => i.Item));
        var bySource = items.GroupBy(i => i.Item.Source ?? "Kaynak belirtilmemiş")
            .Select(g => new SourceCount(g.Key, g.Count())).OrderByDescending(s => s.Count).ThenBy(s => s.Source, TurkishText.Comparer).ToList();
        return new PressDigestReport(day, from, to, items.Count, tones, needsAnswer, bySource);
    }

    private static List<DigestItem> Ordered(IEnumerable<DigestItem> items) =>
        items.OrderByDescending(i => i.Importance).ThenByDescending(i => i.PublishedAt).ThenBy(i => i.Id).ToList();

    /// <summary>"25 Kasım 2026 Çarşamba"</summary>
    public static string DayTitle(DateOnly day) => day.ToString("d MMMM yyyy dddd", TurkishText.Culture);

    public static string Subject(PressDigestReport r) =>
        $"Günlük basın özeti – {DayTitle(r.Day)}: {r.Total} haber ({r.CountOf(Tone.Olumsuz)} olumsuz)";

    /// <summary>The plain-text e-mail: counts first, then every clipping under its tone and topic, then the link.</summary>
    public static string EmailBody(PressDigestReport r, string pageUrl)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Günlük Basın Özeti – {DayTitle(r.Day)}");
        sb.AppendLine($"Kapsam: {IstanbulTime.Format(r.FromUtc)} – {IstanbulTime.Format(r.ToUtc)} (İstanbul saati)");
        sb.AppendLine();
        if (r.Total == 0)
        {
            sb.AppendLine("Bu dönemde belediyeyle ilgili yeni haber kupürü yok.");
        }
        else
        {
            sb.AppendLine($"Toplam {r.Total} haber: {r.CountOf(Tone.Olumsuz)} olumsuz, {r.CountOf(Tone.Olumlu)} olumlu, {r.CountOf(Tone.Notr)} nötr. " +
                          $"Cevap/tekzip gereken: {r.NeedsAnswer.Count}.");
            foreach (var tone in r.Tones)
            {
                sb.AppendLine();
                sb.AppendLine($"{TurkishText.ToUpper(tone.Tone.Name())} ({tone.Count})");
                foreach (var topic in tone.Topics)
                {
                    sb.AppendLine($"  {topic.Topic} ({topic.Count})");
                    foreach (var i in topic.Items)
                    {
                        var marks = (i.Importance > 0 ? $" [Önem: {PressText.ImportanceName(i.Importance)}]" : "") + (i.NeedsAnswer ? " [Cevap/tekzip]" : "");
                        sb.AppendLine($"    • {i.Title} – {i.Source ?? "kaynak yok"}, {IstanbulTime.Format(i.PublishedAt)}{marks}");
                        if (i.Url is not null) sb.AppendLine($"      {i.Url}");
                    }
                }
            }
        }
        sb.AppendLine();
        sb.AppendLine($"Özetin tamamı ve yazdırılabilir hâli: {pageUrl}");
        sb.AppendLine();
        sb.AppendLine("Bu ileti Belediye İntranet (Basın Yayın) tarafından otomatik gönderilmiştir.");
        return sb.ToString();
    }
}
