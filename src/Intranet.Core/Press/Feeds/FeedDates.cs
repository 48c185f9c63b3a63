using System.Globalization;
using System.Text.RegularExpressions;
using Intranet.Core.Common;

namespace Intranet.Core.Press.Feeds;

/// <summary>
/// Reads the dates real feeds write, not only the ones RFC 822 allows: "Tue, 25 Nov 2026 09:15:00 +0300", "+03:00",
/// "GMT+3", "UTC+03:00", zone names (GMT, EEST, TRT …), no zone at all (taken as Istanbul time, which is what Turkish
/// sites mean), no seconds, two-digit years, Turkish month and day names ("Salı, 25 Kasım 2026 09:15"), ISO 8601 and
/// "25.11.2026 09:15". Returns UTC, or null when the text is no date, so one bad date costs only that item its date.
/// </summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
        // Turkish, folded ("Ağustos" → "agu", "Şubat" → "sub", "Mayıs" → "may"), three letters are unique.
        ["oca"] = 1, ["sub"] = 2, ["nis"] = 4, ["haz"] = 6, ["tem"] = 7, ["agu"] = 8, ["eyl"] = 9, ["eki"] = 10, ["kas"] = 11, ["ara"] = 12,
    };

    private static readonly Dictionary<string, int> ZoneMinutes = new(StringComparer.Ordinal)
    {
        ["gmt"] = 0, ["ut"] = 0, ["utc"] = 0, ["z"] = 0, ["wet"] = 0, ["bst"] = 60, ["cet"] = 60, ["cest"] = 120,
        ["eet"] = 120, ["eest"] = 180, ["trt"] = 180, ["msk"] = 180,
        ["est"] = -300, ["edt"] = -240, ["cst"] = -360, ["cdt"] = -300, ["mst"] = -420, ["mdt"] = -360, ["pst"] = -480, ["pdt"] = -420,
    };

    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return ParseCore(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            // A local time in a (pre-2016) daylight-saving gap, or digits too large: no usable date.
            return null;
        }
    }

    private static DateTime? ParseCore(string text)
    {
        var s = Spaces().Replace(text.Trim(), " ");
        if (IsoLike().IsMatch(s))
        {
            // ISO 8601 (Atom, dc:date, and RSS feeds that ignore RFC 822). Without a zone it is Istanbul time.
            if (IsoZone().IsMatch(s))
                return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? Sane(iso.UtcDateTime) : null;
            return DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? Sane(IstanbulTime.ToUtc(local)) : null;
        }

        var m = Rfc822().Match(TurkishText.Fold(s));
        if (m.Success)
        {
            var month = m.Groups["mon"].Value;
            if (!Months.TryGetValue(month.Length >= 3 ? month[..3] : month, out var mon)) return null;
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (year < 100) year += year < 70 ? 2000 : 1900;
            return Build(year, mon, m.Groups["day"].Value, m, m.Groups["zone"].Value);
        }
        m = DottedDate().Match(s);
        if (m.Success)
        {
            var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            return Build(year, int.Parse(m.Groups["mon"].Value, CultureInfo.InvariantCulture), m.Groups["day"].Value, m, m.Groups["zone"].Value);
        }
        return null;
    }

    private static DateTime? Build(int year, int month, string dayText, Match m, string zoneText)
    {
        var day = int.Parse(dayText, CultureInfo.InvariantCulture);
        var hour = m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || hour > 23 || minute > 59 || second > 60)
            return null;
        var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
        var offset = Zone(zoneText);
        if (offset is null) return Sane(IstanbulTime.ToUtc(local));
        return Sane(DateTime.SpecifyKind(local.AddMinutes(-offset.Value), DateTimeKind.Utc));
    }

    /// <summary>Minutes east of UTC, or null for no zone (Istanbul time). An unknown zone name also counts as none.</summary>
    private static int? Zone(string text)
    {
        var zone = Comment().Replace(text, "").Trim().ToLowerInvariant();
        if (zone.Length == 0) return null;
        if (ZoneMinutes.TryGetValue(zone, out var named)) return named;
        var m = Offset().Match(zone);
        if (!m.Success) return null;
        var sign = m.Groups["sign"].Value == "-" ? -1 : 1;
        var digits = m.Groups["h"].Value + m.Groups["m"].Value;
        int hours, minutes;
        if (m.Groups["m"].Success) (hours, minutes) = (int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture));
        else if (digits.Length <= 2) (hours, minutes) = (int.Parse(digits, CultureInfo.InvariantCulture), 0);
        else (hours, minutes) = (int.Parse(digits[..^2], CultureInfo.InvariantCulture), int.Parse(digits[^2..], CultureInfo.InvariantCulture));
        return hours > 14 || minutes > 59 ? null : sign * (hours * 60 + minutes);
    }

    private static DateTime? Sane(DateTime utc) => utc.Year is < 1990 or > 2200 ? null : DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoLike();

    [GeneratedRegex(@"(?:[zZ]|[+-]\d{2}:?\d{2})$")]
    private static partial Regex IsoZone();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Comment();

    // "[day name,] 25 nov[ember] 2026 [09:15[:00]] [zone]" on folded text; a trailing dot after the month is allowed.
    [GeneratedRegex(@"^(?:[a-z]+\.?,?\s*)?(?<day>\d{1,2})[\s-]+(?<mon>[a-z]+)\.?[\s-]+(?<year>\d{2,4})(?:\s+(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2}))?)?\s*(?<zone>.*)$")]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^(?<day>\d{1,2})[./](?<mon>\d{1,2})[./](?<year>\d{4})(?:\s+(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2}))?)?\s*(?<zone>.*)$")]
    private static partial Regex DottedDate();

    // "+0300", "+03:00", "+3", "gmt+3", "utc+03:00", "gmt-0500"
    [GeneratedRegex(@"^(?:gmt|utc|ut)?\s*(?<sign>[+-])(?<h>\d{1,4})(?::(?<m>\d{2}))?$")]
    private static partial Regex Offset();
}
