using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>Read side of requests: the list, look-ups for the intake form, duplicates. Scoped by <see cref="RequestScope"/>.</summary>
public sealed class RequestQueries(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    public async Task<PagedResult<RequestListRow>> ListAsync(RequestFilter filter, RequestPage page, CancellationToken ct = default)
    {
        Demand();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // A search counts its matches up to a limit ("more than 1,000"): an exact count of a common word reads them all.
        var search = RequestSearch.IsFreeText(filter.Text);
        var plan = search ? await RequestSearch.PlanAsync(db, filter.Text!, page.PageSize, ct) : null;
        IQueryable<Request> On(IntranetDbContext context, RequestSearch.SqlitePlan? p) =>
            Apply(context, context.Requests.AsNoTracking().VisibleTo(User), filter, now, p, instantBounds: true).ExceptIdentityMatches(filter, User);
        IQueryable<Request> Filtered(RequestSearch.SqlitePlan? p) => On(db, p);
        // A common word: counted through the index's matches (which stops at the limit early), but the page found by
        // walking the list in its order testing each row, rather than reading every match to sort them.
        var query = Filtered(plan is { Ids: null } ? null : plan);
        // Without a search and with no filter but dates and the directorate, the count is summed from the statistics
        // cells (kept in the transaction that changes the requests): counting "all requests" reads a million rows.
        var cellScope = search ? null : RequestStatisticsFromCells.ScopeFor(filter, User);
        // A search's count is most of a search's time on a server database (the trigram index's whole match set):
        // there it runs on a second connection beside the page's queries, so the list waits for the longer of the
        // two instead of their sum. SQLite counts first (one file, and its in-memory test databases share one
        // connection).
        var countAside = search && !db.Database.IsSqlite()
            ? CountSearchAsync(plan is { Ids: null } ? null : plan, ct)
            : null;
        try
        {
            var counted = countAside is not null ? -1
                : search ? await query.Take(RequestSearch.CountLimit + 1).CountAsync(ct)
                : cellScope is { } scope ? await RequestStatisticsFromCells.CountAsync(db, User, filter, scope, now, ct)
                : await query.CountAsync(ct);
            if (plan is { Ids: null }) query = Filtered(plan);
            var seesSecret = ConfidentialIdentity.Sees(User);
            // The page's ids first, then their rows: a filter that matches thousands sorts index entries (the sort key
            // and the id) rather than whole rows with their joins; no page query at all when nothing matched.
            // A count from the cells is not taken as proof of an empty page: a write that bypassed their upkeep and was
            // not followed by a rebuild must not hide requests from the list.
            var ids = counted == 0 && cellScope is null ? [] : await Sort(query, page).Skip(page.Page * page.PageSize).Take(page.PageSize).Select(r => r.Id).ToListAsync(ct);
            var rows = ids.Count == 0 ? [] : await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new
                {
                    r.Id, r.Number, r.Type, r.Channel, r.Status,
                    Category = r.Category!.Name,
                    Neighbourhood = r.Neighbourhood!.Name,
                    r.DirectorateId,
                    Directorate = r.Directorate != null ? r.Directorate.Name : null,
                    r.AssigneeId,
                    Assignee = r.Assignee != null ? r.Assignee.DisplayName : null,
                    // A secret ihbar's sender never leaves the database for who may not know them.
                    Citizen = r.Citizen != null && (seesSecret || !r.IdentityConfidential) ? r.Citizen.FullName : null,
                    Text = r.Text.Substring(0, 160),
                    r.CreatedAt, r.DueAt, r.Note, r.Version, r.IdentityConfidential, r.Priority,
                })
                .ToListAsync(ct);
            var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            rows = rows.OrderBy(r => order[r.Id]).ToList();
            var senders = await ConfidentialIdentity.SendersAsync(db, rows.Where(r => ConfidentialIdentity.Hides(User, r.IdentityConfidential)).Select(r => r.Id).ToList(), ct);
            var items = rows.Select(r => new RequestListRow(r.Id, r.Number, r.Type, r.Channel, r.Status, r.Category, r.Neighbourhood,
                r.DirectorateId, r.Directorate, r.AssigneeId, r.Assignee,
                ConfidentialIdentity.Hides(User, r.IdentityConfidential) ? ConfidentialIdentity.Label : PersonalData.MaskName(r.Citizen),
                ConfidentialIdentity.Redact(r.Text, senders.GetValueOrDefault(r.Id))!,
                r.CreatedAt, r.DueAt, Request.OpenStatuses.Contains(r.Status) && r.DueAt < now, r.Note, r.Version, r.Priority)).ToList();
            if (countAside is not null) counted = await countAside;
            var more = search && counted > RequestSearch.CountLimit;
            return new PagedResult<RequestListRow>(items, more ? RequestSearch.CountLimit : counted, more);
        }
        finally
        {
            // Never left running unobserved when the page's queries fail or are cancelled.
            if (countAside is not null) await Task.WhenAny(countAside);
        }

        async Task<int> CountSearchAsync(RequestSearch.SqlitePlan? countPlan, CancellationToken token)
        {
            await using var aside = await dbFactory.CreateDbContextAsync(token);
            return await On(aside, countPlan).Take(RequestSearch.CountLimit + 1).CountAsync(token);
        }
    }

    /// <summary>The filter as SQL. Shared with exports and statistics so every figure means the same rows.</summary>
    /// <param name="search">SQLite: how the list runs its search (see <see cref="RequestSearch.Matching"/>).</param>
    /// <param name="instantBounds">The date range as CreatedAt bounds (the same rows), for the list (see below);
    /// statistics leave it off so their date range stays answerable from the covering IX_Requests_Statistics.</param>
    internal static IQueryable<Request> Apply(IntranetDbContext db, IQueryable<Request> query, RequestFilter filter, DateTime now,
        RequestSearch.SqlitePlan? search = null, bool instantBounds = false)
    {
        if (filter.Statuses is { Count: > 0 } statuses) query = query.Where(r => statuses.Contains(r.Status));
        if (filter.OpenOnly || filter.OverdueOnly) query = query.Where(r => Request.OpenStatuses.Contains(r.Status));
        if (filter.OverdueOnly) query = query.Where(r => r.DueAt < now);
        if (filter.DirectorateId is { } dir) query = query.Where(r => r.DirectorateId == dir);
        if (filter.NeighbourhoodId is { } n) query = query.Where(r => r.NeighbourhoodId == n);
        if (filter.CategoryId is { } c) query = query.Where(r => r.CategoryId == c);
        if (filter.Channel is { } channel) query = query.Where(r => r.Channel == channel);
        if (filter.Type is { } type) query = query.Where(r => r.Type == type);
        if (filter.AssigneeId is { } assignee) query = query.Where(r => r.AssigneeId == assignee);
        if (filter.UnassignedOnly) query = query.Where(r => r.AssigneeId == null);
        // Istanbul days: CreatedOn, or (the same rows: CreatedOn is always CreatedAt's Istanbul day, set together by
        // RequestService and the seeder) the UTC instants they span, so that an index led by a filter column and
        // CreatedAt reads the range in the list's order and counts it from the index alone.
        if (filter.From is { } from)
        {
            var start = IstanbulTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = instantBounds ? query.Where(r => r.CreatedAt >= start) : query.Where(r => r.CreatedOn >= from);
        }
        if (filter.To is { } to)
        {
            var end = IstanbulTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = instantBounds ? query.Where(r => r.CreatedAt < end) : query.Where(r => r.CreatedOn <= to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            if (RequestNumber.LooksLikeNumber(text)) query = query.Where(r => r.Number == RequestNumber.Normalize(text));
            else if (PhoneNumber.Normalize(text) is { } phone) query = query.Where(r => r.Citizen!.Phone == phone);
            else query = query.Matching(db, text, search);
        }
        return query;
    }

    private static IQueryable<Request> Sort(IQueryable<Request> q, RequestPage p) => (p.Sort, p.Descending) switch
    {
        (RequestSort.DueAt, false) => q.OrderBy(r => r.DueAt).ThenBy(r => r.Id),
        (RequestSort.DueAt, true) => q.OrderByDescending(r => r.DueAt).ThenByDescending(r => r.Id),
        (RequestSort.Number, false) => q.OrderBy(r => r.Year).ThenBy(r => r.Sequence),
        (RequestSort.Number, true) => q.OrderByDescending(r => r.Year).ThenByDescending(r => r.Sequence),
        (RequestSort.Status, false) => q.OrderBy(r => r.Status).ThenByDescending(r => r.CreatedAt),
        (RequestSort.Status, true) => q.OrderByDescending(r => r.Status).ThenByDescending(r => r.CreatedAt),
        (RequestSort.Neighbourhood, false) => q.OrderBy(r => r.Neighbourhood!.Name).ThenByDescending(r => r.CreatedAt),
        (RequestSort.Neighbourhood, true) => q.OrderByDescending(r => r.Neighbourhood!.Name).ThenByDescending(r => r.CreatedAt),
        (RequestSort.Category, false) => q.OrderBy(r => r.Category!.Name).ThenByDescending(r => r.CreatedAt),
        (RequestSort.Category, true) => q.OrderByDescending(r => r.Category!.Name).ThenByDescending(r => r.CreatedAt),
        (RequestSort.Directorate, false) => q.OrderBy(r => r.Directorate!.Name).ThenByDescending(r => r.CreatedAt),
        (RequestSort.Directorate, true) => q.OrderByDescending(r => r.Directorate!.Name).ThenByDescending(r => r.CreatedAt),
        (_, false) => q.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
        _ => q.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
    };

    /// <summary>Active neighbourhoods whose folded name contains the folded search ("inonu" finds "İnönü").</summary>
    public async Task<IReadOnlyList<Neighbourhood>> NeighbourhoodsAsync(string? search, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = TurkishText.Fold(search?.Trim());
        var list = await db.Neighbourhoods.AsNoTracking().Where(n => n.IsActive && n.SearchKey.Contains(key)).ToListAsync(ct);
        return list.OrderBy(n => n.Name, TurkishText.Comparer).ToList();
    }

    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Categories.AsNoTracking().Include(c => c.DefaultDirectorate).Where(c => c.IsActive).ToListAsync(ct);
        return list.OrderBy(c => c.Name, TurkishText.Comparer).ToList();
    }

    public async Task<IReadOnlyList<Directorate>> DirectoratesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Directorates.AsNoTracking().Where(d => d.IsActive).ToListAsync(ct);
        return list.OrderBy(d => d.Name, TurkishText.Comparer).ToList();
    }

    /// <summary>People a request of this directorate can be assigned to: its active Staff and Director.</summary>
    public async Task<IReadOnlyList<AppUser>> AssigneesAsync(int directorateId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.DirectorateId == directorateId && (u.Roles.Contains(Roles.Staff) || u.Roles.Contains(Roles.Director)))
            .ToListAsync(ct);
        return list.OrderBy(u => u.DisplayName, TurkishText.Comparer).ToList();
    }

    /// <summary>The caller with this number, and their last requests (for the call-centre form).</summary>
    public async Task<CitizenLookup?> CitizenByPhoneAsync(string phone, CancellationToken ct = default)
    {
        Demand();
        var normalized = PhoneNumber.Normalize(phone);
        if (normalized is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var citizen = await db.Citizens.AsNoTracking().Where(c => c.Phone == normalized && c.AnonymizedAt == null)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (citizen is null) return null;
        // The caller's secret ihbars stay off the list for who may not know their senders.
        var seesSecret = ConfidentialIdentity.Sees(User);
        var past = await db.Requests.AsNoTracking().Where(r => r.CitizenId == citizen.Id)
            .Where(r => !r.IdentityConfidential || seesSecret)
            .OrderByDescending(r => r.CreatedAt).Take(10)
            .Select(r => new PastRequest(r.Id, r.Number, r.Status, r.Category!.Name, r.CreatedAt))
            .ToListAsync(ct);
        return new CitizenLookup(citizen, past);
    }

    /// <summary>Open requests of the same category in the same neighbourhood in the last 7 days: likely the same problem.</summary>
    public async Task<IReadOnlyList<PastRequest>> LikelyDuplicatesAsync(int categoryId, int neighbourhoodId, CancellationToken ct = default)
    {
        Demand();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Requests.AsNoTracking()
            .Where(r => r.CategoryId == categoryId && r.NeighbourhoodId == neighbourhoodId && r.CreatedAt >= since
                        && Request.OpenStatuses.Contains(r.Status))
            .OrderByDescending(r => r.CreatedAt).Take(10)
            .Select(r => new PastRequest(r.Id, r.Number, r.Status, r.Category!.Name, r.CreatedAt))
            .ToListAsync(ct);
    }

    private void Demand()
    {
        if (!Policies.Allows(Policies.Requests, User)) throw new AccessDeniedException();
    }
}

public sealed record PastRequest(int Id, string Number, RequestStatus Status, string Category, DateTime CreatedAt);

public sealed record CitizenLookup(Citizen Citizen, IReadOnlyList<PastRequest> Requests);
