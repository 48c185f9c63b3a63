using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Muhtars;

/// <summary>One row of the quick grid: a request raised at the visit. Mutable, so the grid binds to it.</summary>
public sealed class RaisedRow
{
    public int? NeighbourhoodId { get; set; }
    public int? CategoryId { get; set; }
    /// <summary>Null: the category's directorate.</summary>
    public int? DirectorateId { get; set; }
    public string? Text { get; set; }
    public string? Address { get; set; }
    public RaisedPriority Priority { get; set; } = RaisedPriority.Normal;
    /// <summary>A citizen who raised it in person; empty when the muhtar brings it for the mahalle.</summary>
    public string? CitizenName { get; set; }
    public string? Phone { get; set; }

    public bool IsEmpty => CategoryId is null && string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(CitizenName);
}

public sealed record RaisedResult(IReadOnlyList<string> Numbers, int Routed, int ReportsAsked);

/// <summary>
/// The quick grid of a visit: several raised requests at once become ordinary requests through
/// <see cref="RequestService"/>'s intake (channel Muhtar, the mahalle's muhtar as requester), most urgent first, each
/// linked to the visit. Every row is checked before the first is saved, so a bad row saves nothing. When the person
/// may route (Özel Kalem, Admin) each request is routed to its directorate at once; otherwise it reaches the
/// screening desk with its directorate proposed. Finally each directorate involved is asked for a follow-up report.
/// </summary>
public sealed class VisitIntake(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    MuhtarOptions options,
    RequestService requests,
    VisitService visits,
    IChangeFeed changes,
    TimeProvider clock)
{
    public const int MaxRows = 30;
    private UserContext User => currentUser.User;

    public async Task<RaisedResult> RaiseAsync(int visitId, IReadOnlyList<RaisedRow> grid, DateOnly reportDueOn, CancellationToken ct = default)
    {
        var rows = grid.Where(r => !r.IsEmpty).ToList();
        List<(RaisedRow Row, IntakeForm Form)> forms;
        MuhtarVisit visit;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await MuhtarAccess.DemandManageAsync(db, User, options, ct);
            visit = await db.MuhtarVisits.AsNoTracking().Include(v => v.Neighbourhoods).SingleOrDefaultAsync(v => v.Id == visitId, ct)
                ?? throw new ValidationException("Ziyaret bulunamadı.");
            if (rows.Count == 0) throw new ValidationException("Tabloya en az bir talep yazın.");
            if (rows.Count > MaxRows) throw new ValidationException($"Bir seferde en fazla {MaxRows} talep girilebilir.");
            if (reportDueOn < IstanbulTime.Today(clock.GetUtcNow().UtcDateTime)) throw new ValidationException("Takip raporu son tarihi bugünden önce olamaz.");
            forms = await CheckAsync(db, visit, rows, IstanbulTime.Today(clock.GetUtcNow().UtcDateTime), ct);
        }

        // Most urgent first: they get the earlier numbers and lead the visit page.
        var numbers = new List<string>();
        var routed = 0;
        foreach (var (row, form) in forms.OrderByDescending(f => f.Row.Priority))
        {
            var created = await requests.CreateAsync(form, ct);
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                db.VisitRequests.Add(new VisitRequest { VisitId = visitId, RequestId = created.Id, Priority = row.Priority });
                await db.SaveChangesAsync(ct);
            }
            numbers.Add(created.Number);
            if (await RouteAsync(created.Id, visit, ct)) routed++;
        }
        changes.Publish(ChangeTopic.Requests);
        var asked = await visits.AskReportsAsync(visitId, reportDueOn, ct);
        return new RaisedResult(numbers, routed, asked);
    }

    /// <summary>Each row as the intake form it becomes; every problem of every row in one message, nothing saved.</summary>
    private static async Task<List<(RaisedRow Row, IntakeForm Form)>> CheckAsync(IntranetDbContext db, MuhtarVisit visit, List<RaisedRow> rows, DateOnly today, CancellationToken ct)
    {
        var visitNeighbourhoods = visit.Neighbourhoods.Select(n => n.NeighbourhoodId).ToList();
        var muhtars = await db.Muhtars.AsNoTracking()
            .Where(m => visitNeighbourhoods.Contains(m.NeighbourhoodId) && m.TermStart <= today && (m.TermEnd == null || m.TermEnd >= today))
            .ToDictionaryAsync(m => m.NeighbourhoodId, m => m.Id, ct);
        var names = await db.Neighbourhoods.AsNoTracking().Where(n => visitNeighbourhoods.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).Select(c => c.Id).ToListAsync(ct);
        var directorates = await db.Directorates.AsNoTracking().Where(d => d.IsActive).Select(d => d.Id).ToListAsync(ct);

        var problems = new List<string>();
        var forms = new List<(RaisedRow Row, IntakeForm Form)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var neighbourhood = row.NeighbourhoodId ?? (visitNeighbourhoods.Count == 1 ? visitNeighbourhoods[0] : null);
            var form = new IntakeForm
            {
                Type = RequestType.Talep,
                Channel = RequestChannel.Muhtar,
                HasCitizen = !string.IsNullOrWhiteSpace(row.CitizenName) || !string.IsNullOrWhiteSpace(row.Phone),
                CitizenName = row.CitizenName,
                Phone = row.Phone,
                NeighbourhoodId = neighbourhood,
                MuhtarId = neighbourhood is { } n && muhtars.TryGetValue(n, out var m) ? m : null,
                CategoryId = row.CategoryId,
                DirectorateId = row.DirectorateId,
                Text = row.Text,
                Address = row.Address,
            };
            var errors = IntakeValidator.Validate(form).Values.ToList();
            if (neighbourhood is { } nid && !visitNeighbourhoods.Contains(nid)) errors.Add("Mahalle bu ziyaretin mahallelerinden biri değil.");
            else if (neighbourhood is { } withoutMuhtar && form.MuhtarId is null)
            {
                errors.RemoveAll(e => e.StartsWith("Muhtar kanalından", StringComparison.Ordinal));
                errors.Add($"{names.GetValueOrDefault(withoutMuhtar, "Bu")} mahallesinin kayıtlı muhtarı yok; önce muhtar kaydını girin.");
            }
            if (row.CategoryId is { } c && !categories.Contains(c)) errors.Add("Seçilen konu artık kullanılmıyor.");
            if (row.DirectorateId is { } d && !directorates.Contains(d)) errors.Add("Seçilen müdürlük bulunamadı.");
            if (errors.Count > 0) problems.Add($"Satır {i + 1}: {string.Join(" ", errors)}");
            forms.Add((row, form));
        }
        if (problems.Count > 0) throw new ValidationException($"Hiçbir talep kaydedilmedi. {string.Join(" ", problems)}");
        return forms;
    }

    /// <summary>Routes the new request to its directorate when this person may route; the note names the visit.</summary>
    private async Task<bool> RouteAsync(int requestId, MuhtarVisit visit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId, ct);
        if (request.DirectorateId is not { } directorate || !RequestPermissions.Can(User, RequestAction.Route, request)) return false;
        var when = IstanbulTime.ToLocal(visit.StartsAt).ToString("dd.MM.yyyy", TurkishText.Culture);
        await requests.ApplyAsync(new RequestStep(requestId, request.Version, RequestAction.Route,
            $"{visit.Title} ({when}) sırasında alındı ve müdürlüğe havale edildi.", DirectorateId: directorate), ct);
        return true;
    }
}
