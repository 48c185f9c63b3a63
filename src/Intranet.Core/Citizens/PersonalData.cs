namespace Intranet.Core.Citizens;

/// <summary>KVKK masking for lists and for roles that do not need a citizen's identity.</summary>
public static class PersonalData
{
    /// <summary>"Ayşe Yılmaz" → "A*** Y***": enough to tell two callers apart on a list, not to identify them.</summary>
    public static string MaskName(string? fullName) =>
        string.IsNullOrWhiteSpace(fullName)
            ? "—"
            : string.Join(' ', fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[..1] + "***"));

    /// <summary>"ayse@example.com" → "a***@example.com".</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return string.Empty;
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : email[..1] + "***" + email[at..];
    }
}
