using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

public sealed record AnswerView(string Question, string Answer);

/// <summary>The second round's facts of one request on its detail page: priority, repeat-of, CİMER type, secrecy, intake answers.</summary>
public sealed record RequestExtrasView(
    RequestPriority Priority,
    int? DuplicateOfId,
    string? DuplicateOfNumber,
    CimerType? CimerType,
    bool IdentityConfidential,
    IReadOnlyList<AnswerView> Answers);

/// <summary>Reads <see cref="RequestExtrasView"/>, scoped like every request read.</summary>
public sealed class RequestExtras(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<RequestExtrasView?> GetAsync(int requestId, CancellationToken ct = default)
    {
        var user = currentUser.User;
        if (!Policies.Allows(Policies.Requests, user)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Requests.AsNoTracking().VisibleTo(user);
        var r = await visible.Where(x => x.Id == requestId)
            .Select(x => new { x.Priority, x.DuplicateOfId, x.CimerType, x.IdentityConfidential })
            .SingleOrDefaultAsync(ct);
        if (r is null) return null;
        // The original's number only when the user may see the original.
        var original = r.DuplicateOfId is { } o ? await visible.Where(x => x.Id == o).Select(x => x.Number).SingleOrDefaultAsync(ct) : null;
        var answers = await db.Set<RequestAnswer>().AsNoTracking().Where(a => a.RequestId == requestId).OrderBy(a => a.Order).ThenBy(a => a.Id)
            .Select(a => new AnswerView(a.Question, a.Answer)).ToListAsync(ct);
        return new RequestExtrasView(r.Priority, original is null ? null : r.DuplicateOfId, original, r.CimerType, r.IdentityConfidential, answers);
    }
}
