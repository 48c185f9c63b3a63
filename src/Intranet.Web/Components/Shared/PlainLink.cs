namespace Intranet.Web.Components.Shared;

/// <summary>
/// MudLink's look on a plain &lt;a&gt;: live cards draw their links as markup (MudLink is a component of its own on
/// every open screen), and one class string keeps them looking alike.
/// </summary>
public static class PlainLink
{
    public const string Class = "mud-typography mud-link mud-primary-text mud-link-underline-hover";
}
