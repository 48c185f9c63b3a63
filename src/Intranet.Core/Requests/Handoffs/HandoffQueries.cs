using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Intranet.Core.Requests.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests.Handoffs;

/// <summary>One hand-off as the request's detail page shows it, with the letter (applicant masked) and its messages.</summary>
public sealed record HandoffView(int Id, Guid Version, string Body, OutsideBodyKind Kind, LetterDelivery Delivery, string Letter,
    CitizenNotice CitizenNotice, string? CitizenText, DateTime ForwardedAt, string ForwardedBy, DateOnly? FollowUpOn,
    DateTime? FollowUpDoneAt, string? BodyResponse, bool FollowUpDue, IReadOnlyList<MessageStatus> Messages, bool CanFollowUp);

/// <summary>A line of the follow-up list.</summary>
public sealed record FollowUpRow(int HandoffId, Guid Version, int RequestId, string Number, string Body, string Category, string Neighbourhood,
    RequestStatus Status, DateTime ForwardedAt, DateOnly? FollowUpOn, DateTime? FollowUpDoneAt, bool Due, int UnsentMessages);

/// <summary>Hand-offs for the detail page and the follow-up list, within what the user may see.</summary>
public sealed class HandoffQueries(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    public async Task<IReadOnlyList<HandoffView>> ForRequestAsync(int requestId, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Requests, User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.Requests.AsNoTracking().VisibleTo(User).Include(r => r.Citizen).SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null) return [];
        var handoffs = await db.RequestHandoffs.AsNoTracking().Include(h => h.OutsideBody).Where(h => h.RequestId == requestId)
            .OrderBy(h => h.ForwardedAt).ToListAsync(ct);
        var messages = await RequestMessageOutbox.Statuses(db.RequestMessages.AsNoTracking().Where(m => m.RequestId == requestId && m.HandoffId != null))
            .ToListAsync(ct);
        var handoffOf = await db.RequestMessages.AsNoTracking().Where(m => m.RequestId == requestId && m.HandoffId != null)
            .ToDictionaryAsync(m => m.Id, m => m.HandoffId!.Value, ct);
        var today = IstanbulTime.Today(clock.GetUtcNow().UtcDateTime);
        // Follow-up and retries belong to a request still with its body; one handed back is the directorate's again.
        var canFollowUp = request.Status == RequestStatus.DisKurumaYonlendirildi && RequestPermissions.Can(User, RequestAction.ForwardOutside, request);
        // On screen the applicant is masked, as everywhere outside the logged reveal; the body's e-mail carried it in full.
        var applicant = request.Citizen is { } c ? PersonalData.MaskName(c.FullName) : "Anonim başvuru";
        return handoffs.Select(h => new HandoffView(h.Id, h.Version, h.OutsideBody!.Name, h.OutsideBody.Kind, h.Delivery,
                HandoffLetter.Compose(request.Number, h.OutsideBody, h.LetterText, applicant, h.ForwardedBy, h.ForwardedAt),
                h.CitizenNotice, h.CitizenText, h.ForwardedAt, h.ForwardedBy, h.FollowUpOn, h.FollowUpDoneAt, h.BodyResponse,
                IsDue(h.FollowUpOn, h.FollowUpDoneAt, today),
                messages.Where(m => handoffOf[m.Id] == h.Id).Select(Masked).ToList(), canFollowUp))
            .ToList();
    }

    /// <summary>Hand-offs of requests still with their body, follow-ups due first; <paramref name="dueOnly"/> keeps only those due.</summary>
    public async Task<IReadOnlyList<FollowUpRow>> FollowUpsAsync(bool dueOnly, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Requests, User)) throw new AccessDeniedException();
        var today = IstanbulTime.Today(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Requests.VisibleTo(User).Where(r => r.Status == RequestStatus.DisKurumaYonlendirildi).Select(r => r.Id);
        var query = db.RequestHandoffs.AsNoTracking().Where(h => visible.Contains(h.RequestId));
        if (dueOnly) query = query.Where(h => h.FollowUpDoneAt == null && h.FollowUpOn != null && h.FollowUpOn <= today);
        var rows = await query.OrderBy(h => h.FollowUpOn == null).ThenBy(h => h.FollowUpOn).ThenByDescending(h => h.ForwardedAt).Take(500)
            .Select(h => new
            {
                h.Id, h.Version, h.RequestId, h.Request!.Number, Body = h.OutsideBody!.Name, Category = h.Request.Category!.Name,
                Neighbourhood = h.Request.Neighbourhood!.Name, h.Request.Status, h.ForwardedAt, h.FollowUpOn, h.FollowUpDoneAt,
                Unsent = db.Set<RequestMessage>().Count(m => m.HandoffId == h.Id && m.SentAt == null),
            })
            .ToListAsync(ct);
        // The latest hand-off of each request is the one that counts; an earlier one was returned and forwarded again.
        return rows.GroupBy(r => r.RequestId).Select(g => g.OrderByDescending(r => r.ForwardedAt).First())
            .Select(r => new FollowUpRow(r.Id, r.Version, r.RequestId, r.Number, r.Body, r.Category, r.Neighbourhood, r.Status, r.ForwardedAt,
                r.FollowUpOn, r.FollowUpDoneAt, IsDue(r.FollowUpOn, r.FollowUpDoneAt, today), r.Unsent))
            .OrderByDescending(r => r.Due).ThenBy(r => r.FollowUpOn ?? DateOnly.MaxValue).ThenByDescending(r => r.ForwardedAt)
            .ToList();
    }

    internal static bool IsDue(DateOnly? on, DateTime? done, DateOnly today) => done is null && on is { } d && d <= today;

    /// <summary>A citizen's number or address is personal data: shown masked; a body's address is not.</summary>
    private static MessageStatus Masked(MessageStatus m) => m.Purpose == MessagePurpose.KurumaYazi ? m
        : m with { Recipient = m.Channel == MessageChannel.Sms ? PhoneNumber.Mask(m.Recipient) : PersonalData.MaskEmail(m.Recipient) };
}
