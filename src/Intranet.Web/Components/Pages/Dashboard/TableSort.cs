using Intranet.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Intranet.Web.Components.Pages.Dashboard;

/// <summary>
/// The sort of a small dashboard table: which column, which way, and the header's aria-sort and arrow. The tables are
/// plain markup (a MudTable costs every open dashboard dozens of components per table).
/// </summary>
public sealed class TableSort(string column, bool descending)
{
    private const string Arrow = "<path d=\"M0 0h24v24H0V0z\" fill=\"none\"/><path d=\"M4 12l1.41 1.41L11 7.83V20h2V7.83l5.58 5.59L20 12l-8-8-8 8z\"/>";

    private static readonly Dictionary<string, MarkupString> Icons = new[] { "none", "asc", "desc" }.ToDictionary(d => d,
        d => new MarkupString(SvgIcon.Markup(Arrow, $"mud-icon-size-medium mud-table-sort-label-icon mud-direction-{d}")));
    private readonly Dictionary<string, Action> _handlers = [];

    public string Column { get; private set; } = column;
    public bool Descending { get; private set; } = descending;

    /// <summary>A second click on the sorted column turns it round; another column starts ascending.</summary>
    public void Toggle(string column) => (Column, Descending) = Column == column ? (column, !Descending) : (column, false);

    public string AriaSort(string column) => column != Column ? "none" : Descending ? "descending" : "ascending";

    public MarkupString Icon(string column) => Icons[column != Column ? "none" : Descending ? "desc" : "asc"];

    /// <summary>
    /// The click handler of a column's header: one delegate per column, kept. A new lambda on each render would be a new
    /// event handler, registered again on every open screen and sent to every browser each time the table redraws.
    /// <paramref name="changed"/> (the card's Invalidate, the same on every call) is kept from the column's first call.
    /// </summary>
    public Action SortBy(string column, Action changed) => _handlers.TryGetValue(column, out var handler) ? handler
        : _handlers[column] = () =>
        {
            Toggle(column);
            changed();
        };

    public IEnumerable<T> Apply<T, TKey>(IEnumerable<T> rows, Func<T, TKey> key, IComparer<TKey>? comparer = null) =>
        Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
}
