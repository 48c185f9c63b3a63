using System.Diagnostics;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intranet.Core.Requests;

/// <summary>Settings of the deadline sweep (config section <c>Escalation</c>; <see cref="BaseUrl"/> from <c>App:BaseUrl</c>).</summary>
public sealed record EscalationOptions
{
    public const string Section = "Escalation";
    public const string DefaultBaseUrl = "http://127.0.0.1:5080";

    public bool Enabled { get; init; } = true;
    public int IntervalSeconds { get; init; } = 60;
    /// <summary>How long before the deadline the assignee is warned.</summary>
    public double WarningHours { get; init; } = 24;
    /// <summary>Requests (and deliveries) handled per round trip, so a large backlog never loads at once.</summary>
    public int BatchSize { get; init; } = 200;
    /// <summary>Delivery attempts of an overdue escalation before it is left with its error for a person to see.</summary>
    public int MaxAttempts { get; init; } = 8;
    /// <summary>The address links in e-mails point to.</summary>
    public string BaseUrl { get; init; } = DefaultBaseUrl;
}

/// <summary>What one sweep did, for the log and tests.</summary>
public sealed record SweepResult(int Warnings, int Overdue, int EmailsSent, int SmsSent, int Failures);

/// <summary>
/// The deadline sweep. A request near its deadline warns its assignee in the app; an overdue one tells the
/// directorate's directors in the app and by e-mail, and the deputy mayor by e-mail and SMS.
/// The <see cref="Escalation"/> table is the outbox: its row (unique per request, kind and deadline) is inserted
/// together with the in-app notifications before anything is sent, so a restart or a second instance never
/// escalates the same deadline twice; e-mail and SMS are then delivered and stamped one by one, and a failed
/// channel is retried on later sweeps without repeating a channel that already went out.
/// </summary>
public sealed class EscalationService(
    IDbContextFactory<IntranetDbContext> dbFactory,
    IEmailSender email,
    ISmsSender sms,
    IChangeFeed changes,
    EscalationOptions options,
    ILogger<EscalationService>? logger = null)
{
    /// <summary>While one sweep delivers a row, others leave it alone this long (a crash mid-send retries after it).</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly ILogger _log = logger ?? NullLogger<EscalationService>.Instance;

    public async Task<SweepResult> SweepAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        using var activity = IntranetMetrics.Activities.StartActivity("escalation.sweep");
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var now = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
            var warnings = await CreateAsync(EscalationKind.Warning, now, ct);
            var overdue = await CreateAsync(EscalationKind.Overdue, now, ct);
            var delivery = await DeliverAsync(now, ct);
            outcome = delivery.Failures > 0 ? "delivery_failures" : "ok";
            return new SweepResult(warnings, overdue, delivery.Emails, delivery.Sms, delivery.Failures);
        }
        finally
        {
            IntranetMetrics.EscalationSweeps.Add(1, IntranetMetrics.Tag("outcome", outcome));
            IntranetMetrics.EscalationSweepDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private sealed record Candidate(int Id, string Number, DateTime DueAt, int? AssigneeId, int? DirectorateId);

    /// <summary>Inserts the escalation rows and in-app notifications of one kind, a batch at a time.</summary>
    private async Task<int> CreateAsync(EscalationKind kind, DateTime now, CancellationToken ct)
    {
        var warnUntil = now.AddHours(options.WarningHours);
        var open = Request.OpenStatuses;
        var created = 0;
        var lastId = 0;
        var directors = new Dictionary<int, IReadOnlyList<Recipient>>();
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var query = db.Requests.AsNoTracking().Where(r => r.Id > lastId && open.Contains(r.Status));
            query = kind == EscalationKind.Warning
                ? query.Where(r => r.AssigneeId != null && r.DueAt > now && r.DueAt <= warnUntil)
                : query.Where(r => r.DueAt <= now);
            // Keyset paging by id: a request skipped for any reason can never make the loop spin.
            var batch = await query
                .Where(r => !db.Escalations.Any(e => e.RequestId == r.Id && e.Kind == kind && e.DueAt == r.DueAt))
                .OrderBy(r => r.Id).Take(options.BatchSize)
                .Select(r => new Candidate(r.Id, r.Number, r.DueAt, r.AssigneeId, r.DirectorateId))
                .ToListAsync(ct);
            if (batch.Count == 0) break;
            lastId = batch[^1].Id;

            if (kind == EscalationKind.Overdue)
                await LoadDirectorsAsync(db, batch.Select(c => c.DirectorateId), directors, ct);

            var createdInBatch = 0;
            foreach (var c in batch)
            {
                var userIds = kind == EscalationKind.Warning
                    ? [c.AssigneeId!.Value]
                    : c.DirectorateId is { } dir ? directors[dir].Select(d => d.UserId).ToList() : [];
                var text = kind == EscalationKind.Warning
                    ? $"{c.Number} numaralı başvurunun süresi yaklaşıyor: son tarih {IstanbulTime.Format(c.DueAt)}."
                    : $"{c.Number} numaralı başvurunun süresi doldu ({IstanbulTime.Format(c.DueAt)}); başvuru hâlâ açık.";
                db.Escalations.Add(new Escalation
                {
                    RequestId = c.Id,
                    Kind = kind,
                    DueAt = c.DueAt,
                    CreatedAt = now,
                    // A warning is in-app only, so it is complete once inserted; an overdue one awaits delivery.
                    CompletedAt = kind == EscalationKind.Warning ? now : null,
                    NextAttemptAt = kind == EscalationKind.Overdue ? now : null,
                });
                foreach (var userId in userIds)
                    db.Notifications.Add(new Notification { UserId = userId, Text = text, Link = RequestPath(c.Id), CreatedAt = now });
                try
                {
                    // Row and notifications in one save: either this sweep escalates the deadline, or it already was.
                    await db.SaveChangesAsync(ct);
                    createdInBatch++;
                }
                catch (DbUpdateException)
                {
                    // The unique index fired: another instance escalated this deadline between our query and our
                    // insert. Any other failure is not ours to swallow.
                    if (!await ExistsAsync(c, kind, ct)) throw;
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
            created += createdInBatch;
            if (createdInBatch > 0) changes.Publish(ChangeTopic.Notifications);
            if (batch.Count < options.BatchSize) break;
        }
        return created;
    }

    private async Task<bool> ExistsAsync(Candidate c, EscalationKind kind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Escalations.AnyAsync(e => e.RequestId == c.Id && e.Kind == kind && e.DueAt == c.DueAt, ct);
    }

    private sealed record Recipient(int UserId, string? Email);

    /// <summary>The active directors of each directorate, read once per sweep.</summary>
    private static async Task LoadDirectorsAsync(IntranetDbContext db, IEnumerable<int?> directorateIds,
        Dictionary<int, IReadOnlyList<Recipient>> cache, CancellationToken ct)
    {
        var missing = directorateIds.OfType<int>().Distinct().Where(id => !cache.ContainsKey(id)).ToList();
        if (missing.Count == 0) return;
        // Roles is a comma list: the LIKE narrows in SQL, RoleList() decides exactly.
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.DirectorateId != null && missing.Contains(u.DirectorateId.Value) && u.Roles.Contains(Roles.Director))
            .ToListAsync(ct);
        foreach (var id in missing)
            cache[id] = users.Where(u => u.DirectorateId == id && u.RoleList().Contains(Roles.Director))
                .Select(u => new Recipient(u.Id, u.Email)).ToList();
    }

    private sealed record Details(int Id, string Number, RequestStatus Status, DateTime DueAt, string Category, string Neighbourhood,
        int? DirectorateId, string? Directorate, string? DeputyMayorEmail, string? DeputyMayorPhone);

    private sealed record Delivery(int Emails, int Sms, int Failures);

    /// <summary>Sends what overdue escalations still owe, a batch at a time; each row is claimed before sending.</summary>
    private async Task<Delivery> DeliverAsync(DateTime now, CancellationToken ct)
    {
        int emails = 0, smsCount = 0, failures = 0;
        long lastId = 0;
        var directors = new Dictionary<int, IReadOnlyList<Recipient>>();
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var due = await db.Escalations.AsNoTracking()
                .Where(e => e.Id > lastId && e.CompletedAt == null && e.NextAttemptAt != null && e.NextAttemptAt <= now && e.Attempts < options.MaxAttempts)
                .OrderBy(e => e.Id).Take(options.BatchSize).ToListAsync(ct);
            if (due.Count == 0) break;
            lastId = due[^1].Id;

            var ids = due.Select(e => e.RequestId).Distinct().ToList();
            var requests = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id))
                .Select(r => new Details(r.Id, r.Number, r.Status, r.DueAt, r.Category!.Name, r.Neighbourhood!.Name, r.DirectorateId,
                    r.Directorate != null ? r.Directorate.Name : null,
                    r.Directorate != null ? r.Directorate.DeputyMayorEmail : null,
                    r.Directorate != null ? r.Directorate.DeputyMayorPhone : null))
                .ToDictionaryAsync(r => r.Id, ct);
            await LoadDirectorsAsync(db, requests.Values.Select(r => r.DirectorateId), directors, ct);

            foreach (var escalation in due)
            {
                var result = await DeliverOneAsync(db, escalation, requests[escalation.RequestId], directors, now, ct);
                emails += result.Emails;
                smsCount += result.Sms;
                failures += result.Failures;
            }
            if (due.Count < options.BatchSize) break;
        }
        return new Delivery(emails, smsCount, failures);
    }

    private async Task<Delivery> DeliverOneAsync(IntranetDbContext db, Escalation e, Details r,
        Dictionary<int, IReadOnlyList<Recipient>> directors, DateTime now, CancellationToken ct)
    {
        var attempt = e.Attempts + 1;
        // The claim: only the sweep that moves Attempts on from what it read sends; others find 0 rows and skip.
        var claimed = await db.Escalations
            .Where(x => x.Id == e.Id && x.Attempts == e.Attempts && x.CompletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Attempts, attempt).SetProperty(x => x.NextAttemptAt, now + Lease), ct);
        if (claimed == 0) return new Delivery(0, 0, 0);

        if (!Request.OpenStatuses.Contains(r.Status) || r.DueAt != e.DueAt)
        {
            await FinishAsync(db, e.Id, "Gönderilmedi: başvuru artık açık değil ya da son tarihi değişti.", completed: true, attempt, now, ct);
            return new Delivery(0, 0, 0);
        }

        var errors = new List<string>();
        int emails = 0, sent = 0;
        bool emailFailed = false, smsFailed = false;
        if (e.EmailSentAt is null)
        {
            var to = (r.DirectorateId is { } dir ? directors[dir].Select(d => d.Email) : [])
                .Append(r.DeputyMayorEmail)
                .Where(EmailAddress.IsValid).Select(a => a!.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (to.Count == 0)
                errors.Add("E-posta alıcısı yok (müdürün ve başkan yardımcısının e-posta adresi tanımsız).");
            else if (await TryAsync(() => email.SendAsync(OverdueEmail(r, to), ct), "E-posta", r, errors))
            {
                // Stamped at once, so a crash before the SMS never sends this e-mail again.
                await db.Escalations.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailSentAt, now), ct);
                e.EmailSentAt = now;
                emails++;
            }
            else emailFailed = true;
        }
        if (e.SmsSentAt is null)
        {
            if (string.IsNullOrWhiteSpace(r.DeputyMayorPhone))
                errors.Add("SMS alıcısı yok (başkan yardımcısının telefonu tanımsız).");
            else if (await TryAsync(() => sms.SendAsync(r.DeputyMayorPhone, OverdueSms(r), MessageKind.Escalation, ct), "SMS", r, errors))
            {
                await db.Escalations.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SmsSentAt, now), ct);
                e.SmsSentAt = now;
                sent++;
            }
            else smsFailed = true;
        }

        // A missing recipient is a data gap a retry cannot fix: it is recorded, and the channel counts as done.
        var completed = !emailFailed && !smsFailed;
        var error = errors.Count == 0 ? null : string.Join(" ", errors);
        if (!completed && attempt >= options.MaxAttempts) error += $" ({attempt} denemeden sonra vazgeçildi.)";
        await FinishAsync(db, e.Id, error, completed, attempt, now, ct);
        return new Delivery(emails, sent, completed ? 0 : 1);
    }

    private async Task<bool> TryAsync(Func<Task> send, string channel, Details r, List<string> errors)
    {
        try
        {
            await send();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.LogWarning(ex, "Escalation {Channel} for request {Number} failed", channel, r.Number);
            errors.Add($"{channel}: {ex.Message}");
            return false;
        }
    }

    private static Task FinishAsync(IntranetDbContext db, long id, string? error, bool completed, int attempt, DateTime now, CancellationToken ct)
    {
        if (error is { Length: > 1000 }) error = error[..1000];
        // Backoff 1, 2, 4 … minutes, at most an hour, so a short SMTP outage is bridged without hammering it.
        DateTime? next = completed ? null : now.AddMinutes(Math.Min(60, Math.Pow(2, attempt - 1)));
        DateTime? done = completed ? now : null;
        return db.Escalations.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.LastError, error)
            .SetProperty(x => x.CompletedAt, done)
            .SetProperty(x => x.NextAttemptAt, next), ct);
    }

    private static string RequestPath(int id) => $"/basvurular/{id}";

    private string RequestLink(int id) => options.BaseUrl.TrimEnd('/') + RequestPath(id);

    private EmailMessage OverdueEmail(Details r, IReadOnlyList<string> to) => new(
        to,
        $"Süresi geçen başvuru: {r.Number} ({r.Directorate ?? "müdürlük atanmamış"})",
        $"""
        Sayın Yetkili,

        Aşağıdaki başvurunun çözüm süresi doldu ve başvuru hâlâ açık.

        Başvuru no : {r.Number}
        Konu       : {r.Category}
        Mahalle    : {r.Neighbourhood}
        Müdürlük   : {r.Directorate ?? "—"}
        Durum      : {r.Status.Name()}
        Son tarih  : {IstanbulTime.Format(r.DueAt)} (İstanbul saati)

        Başvuruyu açmak için: {RequestLink(r.Id)}

        Bu ileti Belediye İntranet tarafından otomatik gönderilmiştir.
        """,
        MessageKind.Escalation);

    private static string OverdueSms(Details r) =>
        $"Süresi geçen başvuru {r.Number}: {r.Directorate ?? "müdürlük atanmamış"}, {r.Category}, {r.Neighbourhood}. Son tarih {IstanbulTime.Format(r.DueAt)}.";
}
