using Intranet.Core.Calendar;
using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Requests;
using Intranet.Core.Requests.Bulletin;
using Intranet.Core.Requests.Callbacks;
using Intranet.Core.Requests.Handoffs;
using Intranet.Core.Requests.Outbox;
using Intranet.Core.Requests.WorkOrders;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Requests.SecondRound;

/// <summary>An e-mail sender that keeps what it sent, and fails while <see cref="Fail"/> is set.</summary>
public sealed class RecordingEmail : IEmailSender
{
    public List<EmailMessage> Sent { get; } = [];
    public bool Fail { get; set; }

    public Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        if (Fail) throw new InvalidOperationException("SMTP 451: geçici hata");
        Sent.Add(message);
        return Task.CompletedTask;
    }
}

public sealed class RecordingSms : ISmsSender
{
    public List<(string Phone, string Text)> Sent { get; } = [];

    public Task SendAsync(string phone, string text, MessageKind kind, CancellationToken ct = default)
    {
        Sent.Add((phone, text));
        return Task.CompletedTask;
    }
}

/// <summary>The services of hand-offs, work orders, callbacks and the bulletin, acting as one user, wired as the app wires them.</summary>
public sealed class SecondRoundServices(RequestWorld world, UserContext user, IEmailSender? email = null, ISmsSender? sms = null, int sharePercent = 0)
{
    private static readonly WorkingCalendarProvider Calendars = new(_ => Task.FromResult(TurkishHolidays.Shipped().ToList()));

    public IEmailSender Email { get; } = email ?? new NotConfiguredEmailSender();
    public ISmsSender Sms { get; } = sms ?? new NotConfiguredSmsSender();

    private FixedCurrentUser Current => new(user);

    public RequestService Requests => new(world.Database.Factory(user), Current, Calendars, new DeadlineOptions(), world.Changes, world.Clock,
        new CitizenReplySender(world.Database.Factory(user), Current, Email, Sms), new SatisfactionOptions { SharePercent = sharePercent });

    public RequestMessageOutbox Outbox => new(world.Database.Factory(UserContext.System), Email, Sms, new EscalationOptions(), world.Clock);
    public HandoffService Handoffs => new(world.Database.Factory(user), Current, Requests, Outbox, world.Changes, world.Clock);
    public HandoffQueries HandoffQueries => new(world.Database.Factory(user), Current, world.Clock);
    public OutsideBodyRegistry Registry => new(world.Database.Factory(user), Current);
    public WorkOrderService WorkOrders => new(world.Database.Factory(user), Current, Requests, world.Changes, world.Clock);
    public WorkOrderQueries WorkOrderQueries => new(world.Database.Factory(user), Current, world.Clock);
    public SatisfactionCallbackService Callbacks => new(world.Database.Factory(user), Current, Requests, Outbox, world.Changes, world.Clock);
    public SatisfactionStatistics Satisfaction => new(world.Database.Factory(user), Current, world.Clock);
    public MonthlyBulletin Bulletin => new(world.Database.Factory(user), Current);

    /// <summary>Takes one step on the request against its current version.</summary>
    public async Task<Guid> StepAsync(int requestId, RequestAction action, string? note = null, int? directorateId = null, ReplyChannel? channel = null) =>
        await Requests.ApplyAsync(new RequestStep(requestId, await world.VersionOf(requestId), action, note, directorateId, ReplyChannel: channel));
}
