using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>The few headline numbers of the home page, within what the user may see.</summary>
public sealed record RequestSummary(int Open, int Overdue, int NewToday, int ClosedThisWeek);

public sealed class RequestSummaryService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<RequestSummary> GetAsync(CancellationToken ct = default)
    {
        var user = currentUser.User;
        if (!Organization.Policies.Allows(Organization.Policies.Requests, user)) throw new AccessDeniedException();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = IstanbulTime.Today(now);
        var weekStart = IstanbulTime.StartOfWeekUtc(now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Requests.AsNoTracking().VisibleTo(user);
        var open = visible.Where(r => Request.OpenStatuses.Contains(r.Status));
        return new RequestSummary(
            await open.CountAsync(ct),
            await open.CountAsync(r => r.DueAt < now, ct),
            await visible.CountAsync(r => r.CreatedOn == today, ct),
            await visible.CountAsync(r => r.ClosedAt >= weekStart, ct));
    }
}
