namespace Intranet.Core.Calendar;

/// <summary>
/// The public holidays shipped with the product (Law 2429) and a generator for a new year, so Admin only has to
/// type the two bayram dates, which follow the lunar calendar.
/// </summary>
public static class TurkishHolidays
{
    // 2025 and 2026 match the official announcements. 2027 is Diyanet's published calendar; confirm it against the
    // government's notice (and add any idari izin bridge days it declares) before relying on it.
    /// <summary>First days of Ramazan and Kurban Bayramı per Diyanet's calendar, as announced for public offices.</summary>
    private static readonly (int Year, DateOnly Ramazan, DateOnly Kurban)[] Bayrams =
    [
        (2025, new(2025, 3, 30), new(2025, 6, 6)),
        (2026, new(2026, 3, 20), new(2026, 5, 27)),
        (2027, new(2027, 3, 9), new(2027, 5, 16)),
    ];

    /// <summary>
    /// The shipped rows for 2025–2027. New instances on every call: the entity is mutable and EF sets its Id,
    /// so a shared static list would leak state between contexts.
    /// </summary>
    public static IReadOnlyList<PublicHoliday> Shipped() =>
        Bayrams.SelectMany(b => Generate(b.Year, b.Ramazan, b.Kurban)).ToList();

    /// <summary>
    /// The holidays of <paramref name="year"/>: the fixed national days, plus Ramazan (3 days) and Kurban (4 days)
    /// Bayramı with their half-day arife when their first days are given. One row per date (the table's Date is
    /// unique): coinciding days are merged, and a full holiday wins over a half day (19 May 2027 is both
    /// Atatürk'ü Anma and the 4th day of Kurban Bayramı).
    /// </summary>
    public static IReadOnlyList<PublicHoliday> Generate(int year, DateOnly? ramazanFirstDay = null, DateOnly? kurbanFirstDay = null)
    {
        var days = new List<(DateOnly Date, string Name, bool Half)>
        {
            (new(year, 1, 1), "Yılbaşı", false),
            (new(year, 4, 23), "Ulusal Egemenlik ve Çocuk Bayramı", false),
            (new(year, 5, 1), "Emek ve Dayanışma Günü", false),
            (new(year, 5, 19), "Atatürk'ü Anma, Gençlik ve Spor Bayramı", false),
            (new(year, 7, 15), "Demokrasi ve Millî Birlik Günü", false),
            (new(year, 8, 30), "Zafer Bayramı", false),
            (new(year, 10, 28), "Cumhuriyet Bayramı Arifesi", true),
            (new(year, 10, 29), "Cumhuriyet Bayramı", false),
        };
        if (ramazanFirstDay is { } r) days.AddRange(Bayram(r, 3, "Ramazan Bayramı"));
        if (kurbanFirstDay is { } k) days.AddRange(Bayram(k, 4, "Kurban Bayramı"));

        return days
            .GroupBy(d => d.Date)
            .OrderBy(g => g.Key)
            .Select(g => new PublicHoliday
            {
                Date = g.Key,
                Name = string.Join(" / ", g.Select(d => d.Name)),
                IsHalfDay = g.All(d => d.Half),
            })
            .ToList();
    }

    private static IEnumerable<(DateOnly, string, bool)> Bayram(DateOnly first, int length, string name)
    {
        yield return (first.AddDays(-1), name + " Arifesi", true);
        for (var i = 0; i < length; i++)
            yield return (first.AddDays(i), $"{name} {i + 1}. Gün", false);
    }
}
