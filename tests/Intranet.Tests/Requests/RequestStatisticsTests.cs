using Intranet.Core.Common;
using Intranet.Core.Organization;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Requests;

/// <summary>
/// A hand-made data set whose figures are worked out below by hand: two directorates, their requests' resolution
/// times chosen in distinct histogram buckets, so the service's percentiles must equal the exact ones.
/// </summary>
public sealed class RequestStatisticsTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Created = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly RequestFilter June = new() { From = new DateOnly(2026, 6, 1), To = new DateOnly(2026, 6, 30) };

    private readonly SqliteTestDatabase _database = new();
    private int _fen, _park, _merkez, _yahya, _yol, _agac, _sequence;

    public RequestStatisticsTests() => Seed();

    public void Dispose() => _database.Dispose();

    private void Seed()
    {
        using var db = _database.Create(UserContext.System);
        var fen = new Directorate { Name = "Fen İşleri Müdürlüğü", Code = "FEN" };
        var park = new Directorate { Name = "Park ve Bahçeler Müdürlüğü", Code = "PARK" };
        var merkez = new Neighbourhood { Name = "Merkez" };
        var yahya = new Neighbourhood { Name = "Yahya Kemal" };
        var yol = new Category { Name = "Yol Bakım", DefaultDirectorate = fen, WaitingTime = 3 };
        var agac = new Category { Name = "Ağaç Budama", DefaultDirectorate = park, WaitingTime = 3 };
        db.AddRange(fen, park, merkez, yahya, yol, agac);
        db.SaveChanges();
        (_fen, _park, _merkez, _yahya, _yol, _agac) = (fen.Id, park.Id, merkez.Id, yahya.Id, yol.Id, agac.Id);

        // Fen: resolved in 2 h, 4 h, 10 h (in time) and 30 h (late); one open and overdue, one open within its deadline.
        Add(db, _fen, _merkez, _yol, RequestChannel.Web, RequestStatus.Kapandi, minutes: 120, inTime: true);
        Add(db, _fen, _merkez, _yol, RequestChannel.Web, RequestStatus.Cevaplandi, minutes: 240, inTime: true);
        Add(db, _fen, _merkez, _yol, RequestChannel.Web, RequestStatus.Cevaplandi, minutes: 600, inTime: true);
        Add(db, _fen, _merkez, _yol, RequestChannel.Web, RequestStatus.Kapandi, minutes: 1800, inTime: false);
        Add(db, _fen, _merkez, _yol, RequestChannel.Web, RequestStatus.Islemde, due: Now.AddDays(-1));
        Add(db, _fen, _merkez, _yol, RequestChannel.Web, RequestStatus.Atandi, due: Now.AddDays(1));
        // Park: resolved in 100 h (in time) and 500 h (late); one turned down, neither open nor resolved.
        Add(db, _park, _yahya, _agac, RequestChannel.Cimer, RequestStatus.Kapandi, minutes: 6000, inTime: true);
        Add(db, _park, _yahya, _agac, RequestChannel.Cimer, RequestStatus.Kapandi, minutes: 30000, inTime: false);
        Add(db, _park, _yahya, _agac, RequestChannel.Cimer, RequestStatus.UygunDegil);
        // Outside June: the date filter must leave it out.
        Add(db, _fen, _merkez, _yol, RequestChannel.Web, RequestStatus.Kapandi, minutes: 60, inTime: true, created: Created.AddMonths(-1));
        db.SaveChanges();
    }

    private void Add(Core.Data.IntranetDbContext db, int directorate, int neighbourhood, int category, RequestChannel channel, RequestStatus status,
        int? minutes = null, bool? inTime = null, DateTime? due = null, DateTime? created = null)
    {
        var at = created ?? Created;
        var seq = ++_sequence;
        db.Requests.Add(new Request
        {
            Number = $"2026-{seq:D6}", Year = 2026, Sequence = seq, Text = "Deneme başvurusu",
            Type = RequestType.Talep, Channel = channel, Status = status,
            DirectorateId = directorate, NeighbourhoodId = neighbourhood, CategoryId = category,
            CreatedAt = at, CreatedOn = IstanbulTime.Today(at), UpdatedAt = at,
            DueAt = due ?? at.AddDays(3), AnswerDueAt = due ?? at.AddDays(3),
            ResolutionMinutes = minutes, ResolvedInTime = inTime, ResolvedAt = minutes is { } m ? at.AddMinutes(m) : null,
        });
    }

    private RequestStatistics Service(UserContext user) =>
        new(_database.Factory(user), new FixedCurrentUser(user), new FixedClock(Now));

    [Fact]
    public async Task Counts_medians_90th_percentiles_and_shares_match_the_hand_worked_figures()
    {
        var result = await Service(TestUsers.As(Roles.Admin)).GetAsync(June, StatisticsDimension.Directorate);

        Assert.Equal(2, result.Rows.Count);
        var fen = result.Rows.Single(r => r.Key == _fen);
        Assert.Equal("Fen İşleri Müdürlüğü", fen.Name);
        Assert.Equal((6, 2, 4, 1), (fen.Total, fen.Open, fen.Resolved, fen.Overdue));
        // 2, 4, 10, 30 h: median at rank 1.5 → 4 + 0.5·6 = 7 h; p90 at rank 2.7 → 10 + 0.7·20 = 24 h; 3 of 4 in time.
        Assert.Equal(7.0, fen.MedianResolutionHours!.Value, 6);
        Assert.Equal(24.0, fen.P90ResolutionHours!.Value, 6);
        Assert.Equal(0.75, fen.ShareWithinDeadline!.Value, 6);

        var park = result.Rows.Single(r => r.Key == _park);
        Assert.Equal((3, 0, 2, 0), (park.Total, park.Open, park.Resolved, park.Overdue));
        // 100 h and 500 h: median 300 h; p90 at rank 0.9 → 100 + 0.9·400 = 460 h; 1 of 2 in time.
        Assert.Equal(300.0, park.MedianResolutionHours!.Value, 6);
        Assert.Equal(460.0, park.P90ResolutionHours!.Value, 6);
        Assert.Equal(0.5, park.ShareWithinDeadline!.Value, 6);

        // All six resolved (2, 4, 10, 30, 100, 500 h): median at rank 2.5 → 20 h; p90 at rank 4.5 → 300 h; 4 of 6 in time.
        var total = result.Total;
        Assert.Equal((9, 2, 6, 1), (total.Total, total.Open, total.Resolved, total.Overdue));
        Assert.Equal(20.0, total.MedianResolutionHours!.Value, 6);
        Assert.Equal(300.0, total.P90ResolutionHours!.Value, 6);
        Assert.Equal(4.0 / 6, total.ShareWithinDeadline!.Value, 6);
    }

    [Fact]
    public async Task Every_dimension_groups_the_same_rows()
    {
        var service = Service(TestUsers.As(Roles.MayorOffice));

        var neighbourhoods = await service.GetAsync(June, StatisticsDimension.Neighbourhood);
        var categories = await service.GetAsync(June, StatisticsDimension.Category);
        var channels = await service.GetAsync(June, StatisticsDimension.Channel);

        Assert.Equal(["Merkez", "Yahya Kemal"], neighbourhoods.Rows.Select(r => r.Name));
        Assert.Equal(["Yol Bakım", "Ağaç Budama"], categories.Rows.Select(r => r.Name));
        Assert.Equal(["Web", "CİMER"], channels.Rows.Select(r => r.Name));
        Assert.Equal((int)RequestChannel.Cimer, channels.Rows[1].Key);
        Assert.Equal(7.0, neighbourhoods.Rows[0].MedianResolutionHours!.Value, 6);
        Assert.Equal(460.0, categories.Rows[1].P90ResolutionHours!.Value, 6);
        Assert.All([neighbourhoods, categories, channels], r => Assert.Equal(9, r.Total.Total));
    }

    [Fact]
    public async Task Without_a_date_range_the_older_request_counts_too()
    {
        var result = await Service(TestUsers.As(Roles.Admin)).GetAsync(new RequestFilter(), StatisticsDimension.Directorate);

        var fen = result.Rows.Single(r => r.Key == _fen);
        Assert.Equal((7, 5), (fen.Total, fen.Resolved));
        // 1, 2, 4, 10, 30 h: median is the middle one.
        Assert.Equal(4.0, fen.MedianResolutionHours!.Value, 6);
    }

    [Fact]
    public async Task A_staff_member_sees_only_the_figures_of_their_own_directorate()
    {
        var result = await Service(TestUsers.As(Roles.Staff, _fen)).GetAsync(June, StatisticsDimension.Channel);

        var only = Assert.Single(result.Rows);
        Assert.Equal("Web", only.Name);
        Assert.Equal((6, 4), (result.Total.Total, result.Total.Resolved));
        Assert.Equal(7.0, result.Total.MedianResolutionHours!.Value, 6);
        var byDirectorate = await Service(TestUsers.As(Roles.Director, _park)).GetAsync(June, StatisticsDimension.Directorate);
        Assert.Equal([_park], byDirectorate.Rows.Select(r => r.Key));
    }

    [Fact]
    public async Task The_list_filter_narrows_the_figures()
    {
        var result = await Service(TestUsers.As(Roles.Admin)).GetAsync(June with { OverdueOnly = true }, StatisticsDimension.Directorate);

        var only = Assert.Single(result.Rows);
        Assert.Equal((_fen, 1, 1), (only.Key, only.Total, only.Overdue));
        Assert.Null(only.MedianResolutionHours);
        Assert.Null(only.ShareWithinDeadline);
    }

    [Fact]
    public async Task A_role_without_the_requests_policy_is_refused()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(TestUsers.As(Roles.Press)).GetAsync(June, StatisticsDimension.Channel));
    }

    [Fact]
    public void The_filter_of_a_line_adds_its_key_to_the_statistics_filter()
    {
        var filter = RequestStatistics.FilterFor(June, StatisticsDimension.Channel, (int)RequestChannel.Cimer);
        Assert.Equal(June with { Channel = RequestChannel.Cimer }, filter);
    }

    /// <summary>On many values per bucket the histogram's percentile stays within the bucket width of the exact one.</summary>
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Histogram_percentiles_stay_within_a_bucket_of_the_exact_value(double p)
    {
        var rng = new Random(7);
        for (var run = 0; run < 50; run++)
        {
            // Log-spread times from 5 minutes to ~60 days, as real resolution times are.
            var values = Enumerable.Range(0, 2000).Select(_ => (int)Math.Exp(rng.NextDouble() * Math.Log(90000)) + 5).Order().ToList();
            var buckets = values.GroupBy(RequestStatistics.Bucket).OrderBy(g => g.Key).Select(g => (g.Count(), g.Min(), g.Max())).ToList();

            var position = (values.Count - 1) * p;
            var lower = (int)Math.Floor(position);
            var exact = values[lower] + (position - lower) * (values[lower + 1] - values[lower]);
            var width = exact < 2880 ? 10 : exact < 20160 ? 60 : 360;

            Assert.InRange(RequestStatistics.Percentile(buckets, p)!.Value, exact - width, exact + width);
        }
    }

    [Fact]
    public void Buckets_are_10_minutes_then_an_hour_then_6_hours()
    {
        Assert.Equal([0, 0, 1, 287, 288, 288, 289, 575, 576, 577],
            new[] { 0, 9, 10, 2879, 2880, 2939, 2940, 20159, 20160, 20520 }.Select(RequestStatistics.Bucket));
    }
}

/// <summary>A clock stopped at one instant.</summary>
public sealed class FixedClock(DateTime utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
}
