using Intranet.Core.Calendar;

namespace Intranet.Tests.Calendar;

public class TurkishHolidaysTests
{
    [Fact]
    public void Shipped_table_has_one_row_per_date()
    {
        var rows = TurkishHolidays.Shipped();
        // Per year 8 fixed + Ramazan (arife + 3) + Kurban (arife + 4) = 17; 2027 merges 19 May with Kurban 4 → 16.
        Assert.Equal(17 + 17 + 16, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.Date).Distinct().Count());
    }

    [Fact]
    public void Nineteenth_of_May_2027_is_both_and_a_full_day()
    {
        var row = Assert.Single(TurkishHolidays.Shipped(), r => r.Date == new DateOnly(2027, 5, 19));
        Assert.False(row.IsHalfDay);
        Assert.Contains("Atatürk", row.Name);
        Assert.Contains("Kurban Bayramı 4. Gün", row.Name);
    }

    [Fact]
    public void Generate_gives_the_fixed_days_and_the_bayrams_when_given()
    {
        var fixedOnly = TurkishHolidays.Generate(2028);
        Assert.Equal(8, fixedOnly.Count);
        Assert.Single(fixedOnly, r => r.IsHalfDay && r.Date == new DateOnly(2028, 10, 28));

        var ramazanFirst = new DateOnly(2030, 2, 5);
        var withBayrams = TurkishHolidays.Generate(2030, ramazanFirst, new DateOnly(2030, 4, 13));
        Assert.Equal(17, withBayrams.Count);
        Assert.Single(withBayrams, r => r.IsHalfDay && r.Date == new DateOnly(2030, 2, 4));   // Ramazan arife
        Assert.Single(withBayrams, r => r.IsHalfDay && r.Date == new DateOnly(2030, 4, 12));  // Kurban arife
        Assert.Contains(withBayrams, r => !r.IsHalfDay && r.Date == new DateOnly(2030, 4, 16)); // Kurban 4th day
    }

    [Fact]
    public void Shipped_returns_fresh_rows()
    {
        // EF sets Id on insert: two calls must not share instances.
        Assert.NotSame(TurkishHolidays.Shipped()[0], TurkishHolidays.Shipped()[0]);
    }
}
