using MudBlazor;

namespace Intranet.Web.Components.Layout;

/// <summary>The municipality's colours, chosen for WCAG AA contrast on white and on the dark wall screen.</summary>
public static class IntranetTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f8a",
            Secondary = "#8a2a0b",
            AppbarBackground = "#0b4f8a",
            AppbarText = "#ffffff",
            Success = "#1b6e20",
            Warning = "#8a5a00",
            Error = "#b3261e",
            Info = "#0b5c8a",
            TextSecondary = "rgba(0,0,0,0.70)",
            DrawerText = "rgba(0,0,0,0.87)",
            DrawerIcon = "rgba(0,0,0,0.70)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb8ff",
            Background = "#0d1117",
            Surface = "#161b22",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Segoe UI", "Noto Sans", "DejaVu Sans", "Helvetica", "Arial", "sans-serif"] },
            // Names and Turkish labels keep their own casing on buttons.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
