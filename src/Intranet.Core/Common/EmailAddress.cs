using System.Net.Mail;

namespace Intranet.Core.Common;

public static class EmailAddress
{
    /// <summary>A single plain address with a dotted domain ("ad@belediye.bel.tr"), not a display-name form.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var trimmed = value.Trim();
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && address.Host.Contains('.');
    }
}
