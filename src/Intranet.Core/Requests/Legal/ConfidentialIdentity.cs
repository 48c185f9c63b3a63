using Intranet.Core.Common;

namespace Intranet.Core.Requests;

/// <summary>
/// The secret ihbar rule: when the sender of an ihbar asked for secrecy, only the screening desk (and background
/// jobs acting as the system, e.g. sending the answer) may know who sent it. Everyone else — Admin, the mayor's
/// office, the directorate doing the work — sees "Gizli" where the name would be, nothing of phone, e-mail, TC
/// kimlik no or address, and no link from the citizen's other requests to this one. Every read of requests applies
/// it in the query or projection (lists, detail, exports, look-ups, the KVKK reveal), never only in a page.
/// </summary>
public static class ConfidentialIdentity
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

    /// <summary>A phone number, an 11-digit id or an e-mail address; a request's own number is not a person.</summary>
    internal static bool SearchesByPerson(string text) =>
        !RequestNumber.LooksLikeNumber(text.Trim())
        && (PhoneNumber.Normalize(text) is not null || text.Count(char.IsDigit) >= 10 || text.Contains('@'));
}
