using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>One exported request, as the list shows it: times in Istanbul, personal data masked.</summary>
public sealed record RequestExportRow(
    string Number,
    DateTime CreatedAt,
    string Type,
    string Channel,
    string Status,
    string Category,
    string Neighbourhood,
    string Directorate,
    string Assignee,
    DateTime DueAt,
    bool Overdue,
    string Text,
    string Priority = "",
    string Citizen = "",
    string CimerNumber = "",
    string CimerType = "",
    string Answers = "");

/// <summary>
/// The rows of a request export: the list's filter (<see cref="RequestQueries.Apply"/>) within what the user may see
/// (<see cref="RequestScope"/>), read in pages by id so a million rows never sit in memory at once.
/// </summary>
public sealed partial class RequestExport(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const int PageSize = 2000;

    /// <summary>The Turkish column headers, in the order of <see cref="RequestExportRow"/>.</summary>
    public static readonly IReadOnlyList<string> Headers =
        ["Numara", "Tarih", "Tür", "Kanal", "Durum", "Konu", "Mahalle", "Müdürlük", "Atanan", "Son Tarih", "Gecikmiş", "Başvuru Metni",
         "Öncelik", "Başvuru Sahibi", "CİMER Numarası", "CİMER Türü", "Ek Bilgiler"];

    /// <summary>Checks the permission now, so an endpoint can refuse before it starts writing a file.</summary>
    public void Demand()
    {
        if (!Policies.Allows(Policies.Requests, currentUser.User)) throw new AccessDeniedException();
    }

    /// <summary>Newest first (by id); each page is its own query, continuing below the last id seen.</summary>
    public async IAsyncEnumerable<RequestExportRow> RowsAsync(RequestFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        Demand();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = currentUser.User;
        var query = RequestQueries.Apply(db, db.Requests.AsNoTracking().VisibleTo(user), filter, now).ExceptIdentityMatches(filter, user);
        var seesSecret = ConfidentialIdentity.Sees(user);
        var open = Request.OpenStatuses;
        var below = int.MaxValue;
        while (true)
        {
            var last = below;
            var page = await query.Where(r => r.Id < last).OrderByDescending(r => r.Id).Take(PageSize)
                .Select(r => new
                {
                    r.Id, r.Number, r.CreatedAt, r.Type, r.Channel, r.Status,
                    Category = r.Category!.Name,
                    Neighbourhood = r.Neighbourhood!.Name,
                    Directorate = r.Directorate != null ? r.Directorate.Name : null,
                    Assignee = r.Assignee != null ? r.Assignee.DisplayName : null,
                    r.DueAt, r.Text, r.Priority, r.ExternalReference, r.CimerType, r.IdentityConfidential,
                    // The file shows the sender masked as the list does; a secret ihbar's sender not at all.
                    Citizen = r.Citizen != null && (seesSecret || !r.IdentityConfidential) ? r.Citizen.FullName : null,
                })
                .ToListAsync(ct);
            var answers = await AnswersAsync(db, page.Select(r => r.Id).ToList(), ct);
            var senders = await ConfidentialIdentity.SendersAsync(db, page.Where(r => ConfidentialIdentity.Hides(user, r.IdentityConfidential)).Select(r => r.Id).ToList(), ct);
            foreach (var r in page)
                yield return new RequestExportRow(r.Number, IstanbulTime.ToLocal(r.CreatedAt), r.Type.Name(), r.Channel.Name(), r.Status.Name(),
                    r.Category, r.Neighbourhood, r.Directorate ?? "", r.Assignee ?? "", IstanbulTime.ToLocal(r.DueAt),
                    open.Contains(r.Status) && r.DueAt < now, MaskText(ConfidentialIdentity.Redact(r.Text, senders.GetValueOrDefault(r.Id))!),
                    r.Priority.Name(), ConfidentialIdentity.Hides(user, r.IdentityConfidential) ? ConfidentialIdentity.Label : r.Citizen is null ? "" : Citizens.PersonalData.MaskName(r.Citizen),
                    r.ExternalReference ?? "", r.CimerType?.Name() ?? "", answers.GetValueOrDefault(r.Id, ""));
            if (page.Count < PageSize) yield break;
            below = page[^1].Id;
        }
    }

    /// <summary>The category questions' answers of a page of requests, as "Direk numarası: 12; Arıza: Hiç yanmıyor".</summary>
    private static async Task<Dictionary<int, string>> AnswersAsync(IntranetDbContext db, List<int> ids, CancellationToken ct)
    {
        var rows = await db.Set<RequestAnswer>().AsNoTracking().Where(a => ids.Contains(a.RequestId))
            .OrderBy(a => a.RequestId).ThenBy(a => a.Order).ThenBy(a => a.Id).Select(a => new { a.RequestId, a.Question, a.Answer }).ToListAsync(ct);
        return rows.GroupBy(a => a.RequestId).ToDictionary(g => g.Key, g => MaskText(string.Join("; ", g.Select(a => $"{a.Question}: {a.Answer}"))));
    }

    /// <summary>
    /// KVKK: a file leaves the system, so numbers a citizen typed into the text are masked too: e-mail addresses,
    /// phone numbers and 11-digit TC kimlik numbers keep their first characters only.
    /// </summary>
    public static string MaskText(string text)
    {
        text = Email().Replace(text, m => m.Value[..1] + "***" + m.Value[m.Value.IndexOf('@')..]);
        return LongNumber().Replace(text, m =>
        {
            var digits = m.Value.Count(char.IsDigit);
            return digits >= 10 ? m.Value[..Math.Min(4, m.Value.Length)] + new string('*', 7) : m.Value;
        });
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    /// <summary>Runs of digits with the separators people type in phone numbers: "0532 111 22 33", "(212) 555-1234".</summary>
    [GeneratedRegex(@"\+?\(?\d[\d\s().-]{8,}\d")]
    private static partial Regex LongNumber();
}
