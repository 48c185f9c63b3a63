using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Performance;

/// <summary>One period of one indicator.</summary>
public sealed record PeriodRef(int IndicatorId, int Year, int Period);

/// <summary>
/// What the entry row sends. <see cref="Version"/> is the period's version the user saw (null: it had no record yet).
/// A computed indicator takes only the explanation; its value comes from the records.
/// </summary>
public sealed record ActualInput(PeriodRef Ref, double? Value, string? Explanation, Guid? Version);

/// <summary>
/// The write side of actuals: entry by the owning directorate, approval (which locks), explicit reopening with a
/// reason, and evidence. Every rule is checked here, whatever the page shows; every step is logged for the
/// indicator's history and, through <see cref="IAudited"/>, in the audit log with before and after.
/// </summary>
public sealed class PerformanceEntryService(
    IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, PerformanceLive live, IChangeFeed changes, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    public async Task<Guid> SaveAsync(ActualInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (indicator, plan) = await LoadAsync(db, input.Ref, ct);
        if (!PerformancePermissions.CanEnter(User, indicator.DirectorateId))
            throw new AccessDeniedException("Bu göstergenin değerini yalnızca sahibi olan müdürlüğün personeli ve müdürü girebilir.");
        var actual = await FindAsync(db, input.Ref, ct);
        if (actual is not null && actual.Status == ActualStatus.Onaylandi) throw Locked();
        CheckVersion(db, actual, input.Version);

        var computed = indicator.Computed != ComputedKind.None;
        double? value = null;
        if (!computed)
        {
            value = input.Value ?? throw new ValidationException("Gerçekleşen değeri yazın.");
            if (!double.IsFinite(value.Value)) throw new ValidationException("Gerçekleşen değer geçerli bir sayı değil.");
        }
        var explanation = string.IsNullOrWhiteSpace(input.Explanation) ? null : input.Explanation.Trim();
        if (explanation is { Length: > 4000 }) throw new ValidationException("Açıklama en fazla 4.000 karakter olabilir.");
        var measured = computed ? await live.GetAsync(ComputedKey.For(indicator, input.Ref.Year, input.Ref.Period), ct) : value;
        await RequireExplanationAsync(db, indicator, plan, input.Ref, measured, explanation, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        if (actual is null)
        {
            actual = new IndicatorActual { IndicatorId = indicator.Id, Year = input.Ref.Year, Period = input.Ref.Period };
            db.IndicatorActuals.Add(actual);
        }
        actual.Value = value;
        actual.Explanation = explanation;
        actual.EnteredBy = User.Name;
        actual.EnteredAt = now;
        await SaveAsync(db, actual, ActualLogAction.Kaydedildi, computed ? measured : value, explanation, ct);
        return actual.Version;
    }

    /// <summary>The director locks the period. A computed indicator's live value is frozen as the approved one.</summary>
    public async Task<Guid> ApproveAsync(PeriodRef period, Guid? version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (indicator, plan) = await LoadAsync(db, period, ct);
        if (!PerformancePermissions.CanApprove(User, indicator.DirectorateId))
            throw new AccessDeniedException("Bu göstergenin değerlerini yalnızca sahibi olan müdürlüğün müdürü onaylayabilir.");
        var actual = await FindAsync(db, period, ct);
        if (actual is not null && actual.Status == ActualStatus.Onaylandi) throw new ValidationException("Bu dönemin değeri zaten onaylı.");
        CheckVersion(db, actual, version);
        if (indicator.Computed != ComputedKind.None)
        {
            var value = await live.GetAsync(ComputedKey.For(indicator, period.Year, period.Period), ct)
                ?? throw new ValidationException("Bu dönem için hesaplanacak kayıt yok; onaylanacak bir değer oluşmadı.");
            if (actual is null)
            {
                actual = new IndicatorActual { IndicatorId = indicator.Id, Year = period.Year, Period = period.Period };
                db.IndicatorActuals.Add(actual);
            }
            actual.Value = value;
        }
        else if (actual?.Value is null) throw new ValidationException("Bu dönem için henüz değer girilmedi; onaylanacak bir şey yok.");
        await RequireExplanationAsync(db, indicator, plan, period, actual.Value, actual.Explanation, ct);

        actual.Status = ActualStatus.Onaylandi;
        actual.ApprovedBy = User.Name;
        actual.ApprovedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(db, actual, ActualLogAction.Onaylandi, actual.Value, null, ct);
        return actual.Version;
    }

    /// <summary>Unlocks an approved period for correction; the reason is kept in the history, the change in the audit log.</summary>
    public async Task<Guid> ReopenAsync(PeriodRef period, Guid version, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (indicator, _) = await LoadAsync(db, period, ct);
        if (!PerformancePermissions.CanApprove(User, indicator.DirectorateId))
            throw new AccessDeniedException("Onaylı bir değeri yalnızca sahibi olan müdürlüğün müdürü yeniden açabilir.");
        var actual = await FindAsync(db, period, ct);
        if (actual is not { Status: ActualStatus.Onaylandi }) throw new ValidationException("Bu dönem onaylı değil; yeniden açmaya gerek yok.");
        CheckVersion(db, actual, version);
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationException("Yeniden açma nedenini yazın; nedeni göstergenin geçmişinde görünür.");

        actual.Status = ActualStatus.Taslak;
        actual.ApprovedBy = null;
        actual.ApprovedAt = null;
        // A computed value goes back to following the records until it is approved again.
        if (indicator.Computed != ComputedKind.None) actual.Value = null;
        await SaveAsync(db, actual, ActualLogAction.YenidenAcildi, actual.Value, reason.Trim(), ct);
        return actual.Version;
    }

    public async Task<int> AddEvidenceAsync(PeriodRef period, UploadedFile file, CancellationToken ct = default)
    {
        if (AttachmentRules.Check(file) is { } problem) throw new ValidationException(problem);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (indicator, _) = await LoadAsync(db, period, ct);
        if (!PerformancePermissions.CanEnter(User, indicator.DirectorateId))
            throw new AccessDeniedException("Kanıt belgesini yalnızca sahibi olan müdürlüğün personeli ve müdürü ekleyebilir.");
        var actual = await FindAsync(db, period, ct);
        if (actual is { Status: ActualStatus.Onaylandi }) throw Locked();
        if (actual is null)
        {
            actual = new IndicatorActual { IndicatorId = indicator.Id, Year = period.Year, Period = period.Period };
            db.IndicatorActuals.Add(actual);
        }
        var evidence = new IndicatorEvidence
        {
            FileName = Path.GetFileName(file.FileName), ContentType = AttachmentRules.KindOf(file.Content)!, Size = file.Content.Length,
            Content = file.Content, UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = User.Name,
        };
        actual.Evidence.Add(evidence);
        await SaveAsync(db, actual, ActualLogAction.KanitEklendi, null, evidence.FileName, ct);
        return evidence.Id;
    }

    public async Task RemoveEvidenceAsync(int evidenceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var evidence = await db.IndicatorEvidence.SingleOrDefaultAsync(e => e.Id == evidenceId, ct) ?? throw new ValidationException("Belge bulunamadı.");
        var actual = await db.IndicatorActuals.SingleAsync(a => a.Id == evidence.ActualId, ct);
        var directorateId = await db.PerformanceIndicators.Where(i => i.Id == actual.IndicatorId).Select(i => i.DirectorateId).SingleAsync(ct);
        if (!PerformancePermissions.CanEnter(User, directorateId))
            throw new AccessDeniedException("Kanıt belgesini yalnızca sahibi olan müdürlüğün personeli ve müdürü silebilir.");
        if (actual.Status == ActualStatus.Onaylandi) throw Locked();
        db.IndicatorEvidence.Remove(evidence);
        await SaveAsync(db, actual, ActualLogAction.KanitSilindi, null, evidence.FileName, ct);
    }

    /// <summary>An evidence file, for those who may see the indicator.</summary>
    public async Task<IndicatorEvidence?> EvidenceAsync(int evidenceId, CancellationToken ct = default)
    {
        if (!PerformancePermissions.CanRead(User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.IndicatorEvidence.AsNoTracking().Where(e => e.Id == evidenceId)
            .Join(db.IndicatorActuals, e => e.ActualId, a => a.Id, (e, a) => new { Evidence = e, a.IndicatorId })
            .Join(db.PerformanceIndicators, x => x.IndicatorId, i => i.Id, (x, i) => new { x.Evidence, i.DirectorateId })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        return PerformancePermissions.CanSee(User, await PerformancePermissions.StrategyDirectorateIdAsync(db, ct), found.DirectorateId) ? found.Evidence : null;
    }

    private static ValidationException Locked() =>
        new("Bu dönemin değeri onaylandı ve kilitli. Değiştirmek için müdürün dönemi gerekçe yazarak yeniden açması gerekir.");

    private async Task<(PerformanceIndicator Indicator, StrategicPlan Plan)> LoadAsync(IntranetDbContext db, PeriodRef period, CancellationToken ct)
    {
        var found = await (from i in db.PerformanceIndicators
                           join o in db.StrategicObjectives on i.ObjectiveId equals o.Id
                           join g in db.StrategicGoals on o.GoalId equals g.Id
                           join p in db.StrategicPlans on g.PlanId equals p.Id
                           where i.Id == period.IndicatorId
                           select new { Indicator = i, Plan = p }).AsNoTracking().SingleOrDefaultAsync(ct)
                    ?? throw new ValidationException("Gösterge bulunamadı.");
        if (period.Year < found.Plan.StartYear || period.Year > found.Plan.EndYear)
            throw new ValidationException($"{period.Year} yılı {found.Plan.Name} dönemi dışında.");
        if (period.Period < 1 || period.Period > PerformancePeriods.PerYear(found.Indicator.PeriodType))
            throw new ValidationException("Dönem geçersiz.");
        if (!PerformancePeriods.HasStarted(period.Year, found.Indicator.PeriodType, period.Period, clock.GetUtcNow().UtcDateTime))
            throw new ValidationException("Bu dönem henüz başlamadı; değeri dönem başladıktan sonra girilebilir.");
        return (found.Indicator, found.Plan);
    }

    private static Task<IndicatorActual?> FindAsync(IntranetDbContext db, PeriodRef period, CancellationToken ct) =>
        db.IndicatorActuals.SingleOrDefaultAsync(a => a.IndicatorId == period.IndicatorId && a.Year == period.Year && a.Period == period.Period, ct);

    /// <summary>The version the user saw must be the stored one (or "none yet" for a period nobody has touched).</summary>
    private static void CheckVersion(IntranetDbContext db, IndicatorActual? actual, Guid? seen)
    {
        if (actual is null)
        {
            if (seen is not null) throw Conflict();
            return;
        }
        if (seen != actual.Version) throw Conflict();
        db.Entry(actual).Property(a => a.Version).OriginalValue = seen.Value;
    }

    private static ConcurrencyConflictException Conflict() =>
        new("Bu dönemin değeri siz çalışırken başka bir kullanıcı tarafından değiştirildi; değişikliğiniz kaydedilmedi. Güncel hâli yüklendi, gerekirse tekrar girin.");

    private static async Task RequireExplanationAsync(IntranetDbContext db, PerformanceIndicator indicator, StrategicPlan plan, PeriodRef period,
        double? value, string? explanation, CancellationToken ct)
    {
        var target = await db.IndicatorTargets.AsNoTracking().SingleOrDefaultAsync(t => t.IndicatorId == indicator.Id && t.Year == period.Year, ct);
        if (target is null) return;
        var periodTarget = Achievement.PeriodTarget(indicator.Aggregation, new TargetSpec(target.Target, target.BandLow, target.BandHigh),
            PerformancePeriods.PerYear(indicator.PeriodType));
        var rate = Achievement.Rate(indicator.Direction, value, periodTarget);
        if (Achievement.NeedsExplanation(rate, plan.ExplanationThreshold) && string.IsNullOrWhiteSpace(explanation))
            throw new ValidationException(
                $"Gerçekleşme oranı {PerformanceText.Percent(rate)}; hedeften sapma {PerformanceText.Percent(Math.Abs(rate!.Value - 1))} ile " +
                $"{PerformanceText.Percent(plan.ExplanationThreshold)} eşiğini aşıyor. Sapmanın nedenini açıklama alanına yazın.",
                new Dictionary<string, string> { [nameof(ActualInput.Explanation)] = "Sapma açıklaması gerekli." });
    }

    private async Task SaveAsync(IntranetDbContext db, IndicatorActual actual, ActualLogAction action, double? value, string? note, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            db.IndicatorActualLogs.Add(new IndicatorActualLog
            {
                ActualId = actual.Id, At = clock.GetUtcNow().UtcDateTime, UserName = User.Name, Action = action, Value = value, Note = note,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A stale version, or a second person creating the same period's record at the same moment.
            throw Conflict();
        }
        changes.Publish(ChangeTopic.Performance);
    }
}
