using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Intranet.Core.Common;
using Intranet.Core.Dashboard;
using Intranet.Core.Requests;
using Intranet.Web.Components.Pages.Requests;
using Intranet.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Intranet.Web.Components.Pages.Dashboard;

/// <summary>
/// The rows of the dashboard tables as ready HTML, built once per snapshot part and sort and shared by every screen
/// showing that part. A table row is then one markup frame on each circuit instead of a dozen (cells, links, their
/// attributes): much less memory per open dashboard, while the browser gets the same markup as before. One frame per
/// row, not one per table: Blazor's diff compares markup frames by their text, so a change sends each screen only the
/// rows whose text moved (an intake moves one or two rows of a table; the whole body was ~18 KB per screen and change).
/// Every text and address is HTML-encoded here.
/// </summary>
public static class SharedRows
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, IReadOnlyList<MarkupString>>> Cache = new();

    public static IReadOnlyList<MarkupString> Neighbourhoods(IReadOnlyList<CountRow> rows, DashboardScope scope, TableSort sort) =>
        Cached(rows, scope, sort, () =>
        {
            var sorted = sort.Column switch
            {
                "name" => sort.Apply(rows, r => r.Name, TurkishText.Comparer),
                "overdue" => sort.Apply(rows, r => r.Overdue),
                _ => sort.Apply(rows, r => r.Open),
            };
            return sorted.Select(r => Row(Cell(r.Name), Linked(r.Open, Open(scope) with { NeighbourhoodId = r.Id }),
                Linked(r.Overdue, Open(scope) with { NeighbourhoodId = r.Id, OverdueOnly = true }))).ToList();
        });

    public static IReadOnlyList<MarkupString> Directorates(IReadOnlyList<DirectorateRow> rows, DashboardScope scope, TableSort sort) =>
        Cached(rows, scope, sort, () =>
        {
            var sorted = sort.Column switch
            {
                "name" => sort.Apply(rows, r => r.Name, TurkishText.Comparer),
                "overdue" => sort.Apply(rows, r => r.Overdue),
                "median" => sort.Apply(rows, r => r.MedianResolutionHours ?? double.MaxValue),
                "share" => sort.Apply(rows, r => r.ShareWithinDeadline ?? -1),
                _ => sort.Apply(rows, r => r.Open),
            };
            return sorted.Select(r => Row(Cell(r.Name), Linked(r.Open, Open(scope) with { DirectorateId = r.Id }),
                Linked(r.Overdue, Open(scope) with { DirectorateId = r.Id, OverdueOnly = true }),
                Cell(Hours(r.MedianResolutionHours)), Cell(r.ShareWithinDeadline?.ToString("P0", TurkishText.Culture) ?? "—"))).ToList();
        });

    /// <summary>A channel or category mix with each row's share of the total.</summary>
    public static IReadOnlyList<MarkupString> Mix(IReadOnlyList<MixRow> rows) =>
        Cached(rows, null, null, () =>
        {
            var total = rows.Sum(r => r.Count);
            return rows.Select(r => new MarkupString(
                $"<tr><td>{Html.Encode(r.Name)}</td><td>{N(r.Count)}</td><td>{(total == 0 ? "—" : Html.Encode((r.Count / (double)total).ToString("P0", TurkishText.Culture)))}</td></tr>")).ToList();
        });

    private static IReadOnlyList<MarkupString> Cached(object part, DashboardScope? scope, TableSort? sort, Func<IReadOnlyList<MarkupString>> build) =>
        Cache.GetOrCreateValue(part).GetOrAdd($"{scope}|{sort?.Column}|{sort?.Descending}", _ => build());

    private static RequestFilter Open(DashboardScope scope) => new() { DirectorateId = scope.DirectorateId, CategoryId = scope.CategoryId, OpenOnly = true };

    private static string Cell(string text) => Html.Encode(text);

    private static string Linked(int value, RequestFilter filter) =>
        $"<a class=\"{PlainLink.Class}\" href=\"{Html.Encode(RequestFilterQuery.ListUrl(filter))}\">{N(value)}</a>";

    private static MarkupString Row(params string[] cells)
    {
        var html = new StringBuilder("<tr class=\"mud-table-row\">");
        foreach (var cell in cells) html.Append("<td class=\"mud-table-cell\">").Append(cell).Append("</td>");
        return new MarkupString(html.Append("</tr>").ToString());
    }

    private static string N(int value) => value.ToString("N0", TurkishText.Culture);

    public static string Hours(double? hours) => hours switch
    {
        null => "—",
        < 48 => $"{hours.Value.ToString("N0", TurkishText.Culture)} saat",
        _ => $"{(hours.Value / 24).ToString("N1", TurkishText.Culture)} gün",
    };
}
