using Intranet.Core.Common;
using Intranet.Core.Muhtars;

namespace Intranet.Web.Components.Pages.Muhtars;

/// <summary>How the karne's figures read on screen, in Turkish number format, as in the Word file.</summary>
internal static class KarneText
{
    public static string N(int n) => KarneDocument.N(n);
    public static string Hours(double? hours) => KarneDocument.Hours(hours);
    public static string Period(NeighbourhoodReport r) => $"{KarneDocument.Day(r.From)} – {KarneDocument.Day(r.To)}";
}
