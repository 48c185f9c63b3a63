using Microsoft.AspNetCore.Components;

namespace Intranet.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon (one of <c>Icons.Material.*</c>) as plain markup inside the component that draws it: MudIcon is a
/// component of its own, and the app shell that every open screen holds draws several.
/// </summary>
public static class SvgIcon
{
    public static RenderFragment Of(string svg, string classes = "") => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", classes.Length == 0 ? "mud-icon-root mud-svg-icon mud-icon-size-medium" : "mud-icon-root mud-svg-icon mud-icon-size-medium " + classes);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, svg);
        builder.CloseElement();
    };

    /// <summary>
    /// The same element as one markup string (the size among <paramref name="classes"/>): for icons a live card draws
    /// as a single markup frame, made once and shared, rather than an element with its attributes on every screen.
    /// </summary>
    public static string Markup(string svg, string classes) =>
        $"<svg class=\"mud-icon-root mud-svg-icon {classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{svg}</svg>";
}
