using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Intranet.Web.Components.Layout;

/// <summary>
/// The app bar's two menus (notifications, the signed-in user) as a disclosure: a button with aria-expanded that shows
/// a panel right after it, closed by the button, a click beside it or Escape (focus goes back to the button). Plain
/// markup in the menu's own component rather than MudMenu: a MudMenu is a popover, an overlay, an activator button and
/// icons, ~8 components with their render-tree buffers and popover interop on every open screen all day, for a panel
/// that is shut nearly always. The panel's content exists only while it is open.
/// </summary>
public abstract class PopupMenu : ComponentBase
{
    protected bool Open { get; private set; }

    /// <summary>The button that opens the panel (set with @ref).</summary>
    protected ElementReference Button;

    protected string Expanded => Open ? "true" : "false";

    protected void Toggle() => Open = !Open;

    protected void Close() => Open = false;

    protected async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key != "Escape" || !Open) return;
        Open = false;
        await Button.FocusAsync();
    }
}
