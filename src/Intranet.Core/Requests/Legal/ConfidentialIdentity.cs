using System.Text.RegularExpressions;
using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>
/// The secret ihbar rule: when the sender of an ihbar asked for secrecy, only the screening desk (and background
/// jobs acting as the system, e.g. sending the answer) may know who sent it. Everyone else — Admin, the mayor's
/// office, the directorate doing the work — sees "Gizli" where the name would be, nothing of phone, e-mail, TC
/// kimlik no or address, and no link from the citizen's other requests to this one. Every read of requests applies
/// it in the query or projection (lists, detail, exports, look-ups, the KVKK reveal), never only in a page.
/// </summary>
public static partial class ConfidentialIdentity
{
    /// <summary>What a hidden identity shows instead of a name.</summary>
    public const string Label = "Gizli (ihbarcı kimliği korunuyor)";

    public static bool Sees(UserContext user) => user.IsSystem || user.IsScreeningDesk;

    /// <summary>Whether this user may know who sent this request.</summary>
    public static bool Hides(UserContext user, bool identityConfidential) => identityConfidential && !Sees(user);

    /// <summary>
    /// A search by a phone or TC kimlik number finds requests by their sender: for someone who may not know secret
    /// senders, such a search must not find secret ihbars (the hit alone would name the sender). Searches of the
    /// request text are unaffected. Apply after the list filter wherever requests are searched.
    /// </summary>
    public static IQueryable<Request> ExceptIdentityMatches(this IQueryable<Request> query, RequestFilter filter, UserContext user)
    {
        if (Sees(user) || string.IsNullOrWhiteSpace(filter.Text) || !SearchesByPerson(filter.Text)) return query;
        return query.Where(r => !r.IdentityConfidential);
    }

    /// <summary>What free text shows instead of the sender's name, phone, e-mail or TC kimlik no.</summary>
    public const string Redacted = "[gizli]";

    /// <summary>
    /// The senders of these (secret) requests, read only to take their identity out of free text (the request's
    /// text, the answer, notes, the timeline): someone may have written the name there. Never returned as such.
    /// </summary>
    internal static async Task<Dictionary<int, Citizen>> SendersAsync(IntranetDbContext db, IReadOnlyCollection<int> requestIds, CancellationToken ct)
    {
        if (requestIds.Count == 0) return [];
        return await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id) && r.Citizen != null)
            .Select(r => new { r.Id, r.Citizen }).ToDictionaryAsync(x => x.Id, x => x.Citizen!, ct);
    }

    /// <summary>The text with the sender's full name, each of their names, phone number, e-mail and TC kimlik no replaced by <see cref="Redacted"/>.</summary>
    public static string? Redact(string? text, Citizen? sender)
    {
        if (string.IsNullOrEmpty(text) || sender is null) return text;
        var words = new[] { sender.FullName, sender.Email, sender.TcKimlikNo }
            .Concat(sender.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3))
            .Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w!.Trim()).Distinct().OrderByDescending(w => w.Length);
        foreach (var word in words)
            text = Regex.Replace(text, $@"(?<![\w@.]){Regex.Escape(word)}(?![\w@])", Redacted, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return sender.Phone is null ? text : PhoneLike().Replace(text, m => PhoneNumber.Normalize(m.Value) == sender.Phone ? Redacted : m.Value);
    }

    [GeneratedRegex(@"\+?\d[\d\s().-]{8,}\d")]
    private static partial Regex PhoneLike();

    /// <summary>A phone number, an 11-digit id or an e-mail address; a request's own number is not a person.</summary>
    internal static bool SearchesByPerson(string text) =>
        !RequestNumber.LooksLikeNumber(text.Trim())
        && (PhoneNumber.Normalize(text) is not null || text.Count(char.IsDigit) >= 10 || text.Contains('@'));
}
