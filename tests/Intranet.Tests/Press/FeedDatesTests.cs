using Intranet.Core.Press.Feeds;

namespace Intranet.Tests.Press;

public class FeedDatesTests
{
    private static readonly DateTime Expected = new(2026, 11, 24, 6, 15, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("Tue, 24 Nov 2026 09:15:00 +0300")]
    [InlineData("Tue, 24 Nov 2026 09:15:00 +03:00")]
    [InlineData("Tue, 24 Nov 2026 09:15:00 +3")]
    [InlineData("24 Nov 2026 09:15:00 GMT+3")]
    [InlineData("Tue, 24 Nov 2026 09:15:00 GMT+03:00")]
    [InlineData("Tue, 24 Nov 2026 09:15:00 UTC+0300")]
    [InlineData("Tue, 24 Nov 2026 09:15:00 EEST")]
    [InlineData("Tue, 24 Nov 2026 09:15:00 TRT")]
    [InlineData("Tue, 24 Nov 2026 09:15:00 +0300 (TRT)")]
    [InlineData("Tue, 24 Nov 2026 06:15:00 GMT")]
    [InlineData("Tue, 24 Nov 2026 06:15:00 UT")]
    [InlineData("Tue, 24 Nov 2026 01:15:00 -0500")]
    [InlineData("Tue, 24 Nov 2026 01:15:00 EST")]
    [InlineData("Tue, 24 Nov 2026 09:15:00")]          // no zone: Istanbul, as Turkish sites mean it
    [InlineData("Tue, 24 Nov 2026 09:15 +0300")]       // no seconds
    [InlineData("Tue,  24  Nov  2026  09:15:00  +0300")] // doubled spaces
    [InlineData("24 Nov 26 09:15 +0300")]              // two-digit year
    [InlineData("Tuesday, 24 November 2026 09:15:00 +0300")]
    [InlineData("Salı, 24 Kasım 2026 09:15:00 +0300")]  // Turkish day and month
    [InlineData("SALI, 24 KASIM 2026 09:15")]
    [InlineData("24 Kas 2026 09:15:00 GMT+3")]
    [InlineData("2026-11-24T09:15:00+03:00")]
    [InlineData("2026-11-24T06:15:00Z")]
    [InlineData("2026-11-24T09:15:00")]                // ISO without a zone: Istanbul
    [InlineData("2026-11-24 09:15:00")]
    [InlineData("24.11.2026 09:15")]
    [InlineData("24.11.2026 09:15:00 +0300")]
    public void Reads_the_dates_real_feeds_write(string text) => Assert.Equal(Expected, FeedDates.Parse(text));

    [Theory]
    [InlineData("24 Ağustos 2026 09:15", 8)]
    [InlineData("24 Şubat 2026 09:15", 2)]
    [InlineData("24 Mayıs 2026 09:15", 5)]
    [InlineData("24 Ekim 2026 09:15", 10)]
    [InlineData("24 Aralık 2026 09:15", 12)]
    [InlineData("24 Ocak 2026 09:15", 1)]
    public void Reads_every_turkish_month(string text, int month) =>
        Assert.Equal(new DateTime(2026, month, 24, 6, 15, 0, DateTimeKind.Utc), FeedDates.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("dün akşam")]
    [InlineData("Tue, 31 Feb 2026 09:15:00 +0300")]
    [InlineData("Tue, 24 Foo 2026 09:15:00 +0300")]
    [InlineData("Tue, 24 Nov 2026 25:15:00 +0300")]
    [InlineData("32.13.2026")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void Returns_null_for_what_is_no_date(string text) => Assert.Null(FeedDates.Parse(text));

    [Fact]
    public void A_date_is_always_utc() => Assert.Equal(DateTimeKind.Utc, FeedDates.Parse("Tue, 24 Nov 2026 09:15:00 +0300")!.Value.Kind);
}
