using Microsoft.AspNetCore.Components;

namespace Intranet.Web.Components.Pages.Dashboard;

/// <summary>
/// One dashboard card: a titled, outlined panel (MudPaper's look in plain markup). A render fragment drawn inside the
/// card's own component rather than a component of its own: every open dashboard would hold one more component per
/// card (state and two render-tree buffers, ~3 KB each) for a section and a heading.
/// </summary>
public static class DashboardCard
{
    public static RenderFragment Frame(string title, RenderFragment content) => builder =>
    {
        builder.OpenElement(0, "section");
        builder.AddAttribute(1, "class", "mud-paper mud-paper-outlined pa-4 dashboard-card");
        builder.OpenElement(2, "h2");
        builder.AddAttribute(3, "class", "mud-typography mud-typography-h6 mb-2");
        builder.AddContent(4, title);
        builder.CloseElement();
        builder.AddContent(5, content);
        builder.CloseElement();
    };
}
