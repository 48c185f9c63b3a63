using Bunit;
using Intranet.Core.Dashboard;
using Intranet.Tests.Infrastructure;
using Intranet.Web.Components.Pages.Dashboard;

namespace Intranet.Tests.Dashboard;

/// <summary>
/// Dashboard cards as every open screen draws them on each change: the numbers link to their request lists, the tables
/// sort, and a new snapshot keeps the same click handlers (a new handler per render would be registered again on every
/// screen and sent to every browser with each change).
/// </summary>
public class DashboardCardsTests : MudComponentTest
{
    private static readonly DashboardScope Fen = new(DirectorateId: 1);

    private IRenderedComponent<NeighbourhoodsCard> Neighbourhoods(IReadOnlyList<CountRow> rows) => Render<NeighbourhoodsCard>(p => p
        .Add(c => c.Title, "Mahallelere göre").Add(c => c.Rows, rows).Add(c => c.Scope, Fen));

    private static List<string> Names(IRenderedComponent<NeighbourhoodsCard> cut) =>
        cut.FindAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent).ToList();

    [Fact]
    public void A_header_click_sorts_in_Turkish_order_and_a_second_click_turns_it_round()
    {
        var cut = Neighbourhoods([new(1, "Çağlayan", 5, 1), new(2, "İnönü", 9, 0), new(3, "Gürsel", 7, 2), new(4, "Hamidiye", 1, 0)]);
        Assert.Equal(["İnönü", "Gürsel", "Çağlayan", "Hamidiye"], Names(cut)); // most open first

        cut.Find("th:nth-child(1) button").Click();
        Assert.Equal(["Çağlayan", "Gürsel", "Hamidiye", "İnönü"], Names(cut));
        Assert.Equal("ascending", cut.Find("th:nth-child(1)").GetAttribute("aria-sort"));
        Assert.Equal("none", cut.Find("th:nth-child(2)").GetAttribute("aria-sort"));

        cut.Find("th:nth-child(1) button").Click();
        Assert.Equal(["İnönü", "Hamidiye", "Gürsel", "Çağlayan"], Names(cut));
        Assert.Equal("descending", cut.Find("th:nth-child(1)").GetAttribute("aria-sort"));
    }

    [Fact]
    public void A_new_snapshot_redraws_the_rows_with_the_same_click_handlers()
    {
        var cut = Neighbourhoods([new(1, "Çağlayan", 5, 1), new(2, "İnönü", 9, 0)]);
        var handlers = cut.FindAll("th button").Select(b => b.GetAttribute("blazor:onclick")).ToList();
        Assert.All(handlers, h => Assert.False(string.IsNullOrEmpty(h)));

        cut.Render(p => p.Add(c => c.Rows, [new CountRow(1, "Çağlayan", 12, 1), new CountRow(2, "İnönü", 9, 0)]));

        Assert.Equal(["Çağlayan", "İnönü"], Names(cut));
        Assert.Equal(handlers, cut.FindAll("th button").Select(b => b.GetAttribute("blazor:onclick")).ToList());
        // and they still sort
        cut.Find("th:nth-child(2) button").Click();
        Assert.Equal(["İnönü", "Çağlayan"], Names(cut));
    }

    [Fact]
    public void Headline_tiles_show_Turkish_numbers_that_link_to_the_requests_they_count()
    {
        var cut = Render<HeadlineCard>(p => p
            .Add(c => c.Headline, new HeadlineNumbers(Open: 12345, Overdue: 17, NewToday: 3, NewThisWeek: 40, ClosedToday: 2, ClosedThisWeek: 25))
            .Add(c => c.Scope, Fen).Add(c => c.Today, new DateOnly(2026, 11, 26))); // a Thursday

        var open = cut.Find("[data-testid='summary-Açık başvuru']");
        Assert.Equal("12.345", open.TextContent);
        Assert.Contains("mudurluk=1", open.GetAttribute("href"));
        Assert.Contains("geciken=1", cut.Find("[data-testid='summary-Süresi geçen']").GetAttribute("href"));
        Assert.Contains("2026-11-23", cut.Find("[data-testid='summary-Bu hafta gelen']").GetAttribute("href")); // Monday
        Assert.Equal(6, cut.FindAll("a[data-testid^='summary-']").Count);
        Assert.Equal(6, cut.FindAll("svg[aria-hidden='true']").Count);
    }
}
