using Intranet.Core.Dashboard;
using Intranet.Web.Components.Pages.Dashboard;

namespace Intranet.Tests.Dashboard;

/// <summary>
/// The dashboard tables' rows as shared markup: one string per row, so that Blazor's diff (which compares markup
/// frames by their text) sends a screen only the rows a change moved.
/// </summary>
public class SharedRowsTests
{
    private static readonly DashboardScope Scope = DashboardScope.Municipality;

    [Fact]
    public void A_change_of_one_neighbourhood_changes_only_its_own_row()
    {
        List<CountRow> before = [new(1, "Merkez", 30, 2), new(2, "Gürsel", 20, 1), new(3, "Yahya Kemal", 10, 0)];
        List<CountRow> after = [new(1, "Merkez", 30, 2), new(2, "Gürsel", 21, 1), new(3, "Yahya Kemal", 10, 0)];

        var old = SharedRows.Neighbourhoods(before, Scope, new TableSort("open", descending: true));
        var now = SharedRows.Neighbourhoods(after, Scope, new TableSort("open", descending: true));

        Assert.Equal(3, now.Count);
        Assert.Equal(old[0].Value, now[0].Value);
        Assert.NotEqual(old[1].Value, now[1].Value);
        Assert.Contains(">21</a>", now[1].Value);
        Assert.Equal(old[2].Value, now[2].Value);
    }

    [Fact]
    public void Rows_follow_the_sort_with_Turkish_order_and_encoded_names()
    {
        List<CountRow> rows = [new(1, "Irmak", 1, 0), new(2, "İnönü", 5, 0), new(3, "Ilgaz <b>", 3, 0), new(4, "Çamlık", 2, 0)];

        var byName = SharedRows.Neighbourhoods(rows, Scope, new TableSort("name", descending: false));

        // Turkish alphabet: Ç after C, I (dotless) before İ.
        Assert.Equal(["Çamlık", "Ilgaz &lt;b&gt;", "Irmak", "İnönü"], byName.Select(FirstCell));
        var byOpen = SharedRows.Neighbourhoods(rows, Scope, new TableSort("open", descending: true));
        Assert.Equal("İnönü", FirstCell(byOpen[0]));
    }

    [Fact]
    public void A_mix_row_carries_its_share_of_the_total()
    {
        var rows = SharedRows.Mix([new MixRow("Web", 3), new MixRow("Çağrı Merkezi", 1)]);

        Assert.Equal(2, rows.Count);
        Assert.Equal("<tr><td>Web</td><td>3</td><td>%75</td></tr>", rows[0].Value);
    }

    private static string FirstCell(Microsoft.AspNetCore.Components.MarkupString row)
    {
        var start = row.Value.IndexOf("<td class=\"mud-table-cell\">", StringComparison.Ordinal) + "<td class=\"mud-table-cell\">".Length;
        return row.Value[start..row.Value.IndexOf("</td>", start, StringComparison.Ordinal)];
    }
}
