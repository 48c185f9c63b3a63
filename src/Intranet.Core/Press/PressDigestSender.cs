using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intranet.Core.Press;

public enum DigestSendStatus
{
    Disabled,
    NotYet,
    Sent,
    AlreadySent,
    /// <summary>Another server is sending it, or a failed attempt waits for its retry time.</summary>
    Waiting,
    Failed,
}

public sealed record DigestSendResult(DigestSendStatus Status, DateOnly? Day = null, int Recipients = 0, string? Error = null);

/// <summary>
/// Sends the day's digest e-mail once, at or after the configured hour, to the mayor's office and the deputy mayors.
/// The day's <see cref="PressDigestDispatch"/> row (unique per day) is the outbox: it is inserted before anything is
/// sent, each attempt claims it by moving its attempt counter on (only the sender that moved it sends), and it is
/// stamped sent right after the SMTP server accepted the message. A restart, a second server or a second call on
/// the same day finds the row and sends nothing; a failed send is retried with growing waits.
/// </summary>
public sealed class PressDigestSender(
    IDbContextFactory<IntranetDbContext> dbFactory,
    IEmailSender email,
    PressOptions options,
    string baseUrl,
    ILogger<PressDigestSender>? logger = null)
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly ILogger _log = logger ?? NullLogger<PressDigestSender>.Instance;

    public async Task<DigestSendResult> SendDueAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        if (!options.DigestEnabled) return new DigestSendResult(DigestSendStatus.Disabled);
        var hour = Math.Clamp(options.DigestHour, 0, 23);
        var local = IstanbulTime.ToLocal(nowUtc);
        var day = DateOnly.FromDateTime(local);
        if (local.Hour < hour) return new DigestSendResult(DigestSendStatus.NotYet, day);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.PressDigestDispatches.AsNoTracking().SingleOrDefaultAsync(d => d.Day == day, ct)
                  ?? await InsertAsync(db, day, nowUtc, ct);
        if (row.SentAt is not null) return new DigestSendResult(DigestSendStatus.AlreadySent, day, row.Recipients);
        if (row.NextAttemptAt > nowUtc || row.Attempts >= MaxAttempts) return new DigestSendResult(DigestSendStatus.Waiting, day, 0, row.LastError);

        var attempt = row.Attempts + 1;
        var claimed = await db.PressDigestDispatches.Where(d => d.Id == row.Id && d.Attempts == row.Attempts && d.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, attempt).SetProperty(d => d.NextAttemptAt, nowUtc + Lease), ct);
        if (claimed == 0) return new DigestSendResult(DigestSendStatus.Waiting, day);

        var report = await PressDigest.BuildAsync(db, day, hour, ct);
        var to = await RecipientsAsync(db, ct);
        string? error = null;
        if (to.Count == 0) error = "Özet gönderilemedi: alıcı yok (Özel Kalem kullanıcılarının ve başkan yardımcılarının e-posta adresi tanımsız).";
        else
        {
            try
            {
                var url = $"{baseUrl.TrimEnd('/')}/basin/ozet/{day:yyyy-MM-dd}";
                await email.SendAsync(new EmailMessage(to, PressDigest.Subject(report), PressDigest.EmailBody(report, url), MessageKind.PressDigest), ct);
            }
            catch (MessagingNotConfiguredException ex)
            {
                error = ex.Message; // a setting to make, not a fault to trace
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _log.LogWarning(ex, "Günlük basın özeti ({Day}) gönderilemedi", day);
                error = $"Özet gönderilemedi: {ex.Message}";
            }
        }

        if (error is null)
        {
            await db.PressDigestDispatches.Where(d => d.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.SentAt, nowUtc).SetProperty(d => d.NextAttemptAt, (DateTime?)null).SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.Recipients, to.Count).SetProperty(d => d.Clippings, report.Total), ct);
            return new DigestSendResult(DigestSendStatus.Sent, day, to.Count);
        }
        // Backoff 2, 4, 8 … minutes, at most an hour.
        var next = nowUtc.AddMinutes(Math.Min(60, Math.Pow(2, attempt)));
        var message = ClippingKeys.Truncate(error, 1000);
        await db.PressDigestDispatches.Where(d => d.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.LastError, message).SetProperty(d => d.NextAttemptAt, next), ct);
        return new DigestSendResult(DigestSendStatus.Failed, day, 0, error);
    }

    private static async Task<PressDigestDispatch> InsertAsync(IntranetDbContext db, DateOnly day, DateTime now, CancellationToken ct)
    {
        var row = new PressDigestDispatch { Day = day, CreatedAt = now, NextAttemptAt = now };
        db.PressDigestDispatches.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return row;
        }
        catch (DbUpdateException)
        {
            // Another server inserted the day's row first: its row is the one to follow.
            db.ChangeTracker.Clear();
            return await db.PressDigestDispatches.AsNoTracking().SingleAsync(d => d.Day == day, ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Active mayor's-office users and every deputy mayor named on a directorate, plus configured extras.</summary>
    public async Task<IReadOnlyList<string>> RecipientsAsync(IntranetDbContext db, CancellationToken ct)
    {
        var office = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Roles.Contains(Roles.MayorOffice) && u.Email != null).ToListAsync(ct);
        var deputies = await db.Directorates.AsNoTracking().Where(d => d.IsActive && d.DeputyMayorEmail != null).Select(d => d.DeputyMayorEmail).Distinct().ToListAsync(ct);
        return office.Where(u => u.RoleList().Contains(Roles.MayorOffice)).Select(u => u.Email)
            .Concat(deputies).Concat(options.DigestExtraRecipients)
            .Where(EmailAddress.IsValid).Select(a => a!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
