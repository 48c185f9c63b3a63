using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Performance;

public sealed record EvidenceFile(int Id, string FileName, long Size);

/// <summary>One started period on the entry page, with what a save, an approval or a reopening needs.</summary>
public sealed record EntryPeriod(PeriodValue Value, Guid? Version, string? EnteredBy, DateTime? EnteredAt, string? ApprovedBy, DateTime? ApprovedAt,
    IReadOnlyList<EvidenceFile> Evidence);

public sealed record EntryIndicator(IndicatorRow Row, string Objective, string? Formula, bool CanEnter, bool CanApprove, IReadOnlyList<EntryPeriod> Periods);

public sealed record EntrySheetResult(int Year, string PlanName, double ExplanationThreshold, IReadOnlyList<EntryIndicator> Indicators);

/// <summary>
/// The Veri girişi page's data: a directorate's indicators for a year, one line per period that has begun. Directors
/// and staff get their own directorate; Admin, the mayor's office and Strateji Geliştirme may pick one (or all).
/// </summary>
public sealed class PerformanceEntrySheet(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, PerformanceReview review)
{
    public async Task<EntrySheetResult?> LoadAsync(int year, int? directorateId, CancellationToken ct = default)
    {
        var user = currentUser.User;
        if (!PerformancePermissions.CanRead(user)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!PerformancePermissions.SeesAll(user, await PerformancePermissions.StrategyDirectorateIdAsync(db, ct)))
            directorateId = user.DirectorateId ?? throw new AccessDeniedException("Hesabınıza bir müdürlük atanmamış.");
        var context = await review.ContextForYearAsync(db, year, ct);
        if (context is null) return null;

        var indicators = context.Plan.Goals.SelectMany(g => g.Objectives).SelectMany(o => o.Indicators.Select(i => (Objective: o, Indicator: i)))
            .Where(x => directorateId is null || x.Indicator.DirectorateId == directorateId)
            .OrderBy(x => x.Indicator.Code, CodeComparer.Instance).ToList();
        var actualIds = indicators.SelectMany(x => x.Indicator.Actuals).Where(a => a.Year == year).Select(a => a.Id).ToList();
        var evidence = (await db.IndicatorEvidence.AsNoTracking().Where(e => actualIds.Contains(e.ActualId)).OrderBy(e => e.UploadedAt)
                .Select(e => new { e.ActualId, File = new EvidenceFile(e.Id, e.FileName, e.Size) }).ToListAsync(ct))
            .ToLookup(e => e.ActualId, e => e.File);

        var lines = indicators.Select(x =>
        {
            var row = ReviewBuilder.Indicator(context, x.Indicator, year);
            var periods = row.Periods.Where(p => p.Started).Select(p =>
            {
                var actual = x.Indicator.Actuals.FirstOrDefault(a => a.Year == year && a.Period == p.Period);
                return new EntryPeriod(p, actual?.Version, actual?.EnteredBy, actual?.EnteredAt, actual?.ApprovedBy, actual?.ApprovedAt,
                    actual is null ? [] : evidence[actual.Id].ToList());
            }).ToList();
            return new EntryIndicator(row, $"{x.Objective.Code} {x.Objective.Title}", x.Indicator.Formula,
                PerformancePermissions.CanEnter(user, x.Indicator.DirectorateId), PerformancePermissions.CanApprove(user, x.Indicator.DirectorateId), periods);
        }).ToList();
        return new EntrySheetResult(year, context.Plan.Name, context.Plan.ExplanationThreshold, lines);
    }
}
