using Intranet.Core.Common;
using Intranet.Core.Performance;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Intranet.Tests.Performance;

/// <summary>
/// The demo municipality with its 2025–2029 performance programme on a private SQLite database, the performance
/// services wired as the app wires them, and one shared <see cref="PerformanceLive"/>. The seeded actuals depend on
/// the machine's date, so they are removed: each test enters what it needs under the world's fixed clock
/// (25 November 2026: the first three quarters have ended, the fourth is running).
/// </summary>
public sealed class PerformanceWorld : IDisposable
{
    public RequestWorld Requests { get; } = new();
    public PerformanceLive Live { get; }

    public PerformanceWorld(TimeSpan? coalesceWindow = null)
    {
        using (var db = Requests.Database.Create(UserContext.System))
            db.IndicatorActuals.ExecuteDelete();
        Live = new PerformanceLive(
            async (key, ct) =>
            {
                await using var db = Requests.Database.Create(UserContext.System);
                return await ComputedIndicatorQueries.ComputeAsync(db, key, ct);
            },
            Requests.Changes, new PerformanceOptions { CoalesceWindow = coalesceWindow ?? TimeSpan.FromMilliseconds(50) }, Requests.Clock, Log);
    }

    /// <summary>What the live cache logged (a failed refresh is logged, not thrown): tests show it when a notice does not come.</summary>
    public RecordingLogger<PerformanceLive> Log { get; } = new();

    public UserContext As(string objectId) => Requests.As(objectId);

    public PerformanceEntryService Entries(UserContext user) =>
        new(Requests.Database.Factory(user), new FixedCurrentUser(user), Live, Requests.Changes, Requests.Clock);

    public PerformanceReview Review(UserContext user) => new(Requests.Database.Factory(user), new FixedCurrentUser(user), Live, Requests.Clock);

    public PerformanceEntrySheet Sheet(UserContext user) => new(Requests.Database.Factory(user), new FixedCurrentUser(user), Review(user));

    public PerformanceStructureService Structure(UserContext user) => new(Requests.Database.Factory(user), new FixedCurrentUser(user), Requests.Changes);

    public PerformanceImport Import(UserContext user) => new(Requests.Database.Factory(user), new FixedCurrentUser(user), Requests.Changes);

    public PerformanceIndicator Indicator(string code)
    {
        using var db = Requests.Database.Create(UserContext.System);
        return db.PerformanceIndicators.AsNoTracking().Include(i => i.Targets).Single(i => i.Code == code);
    }

    public IndicatorActual? Actual(string code, int year, int period)
    {
        using var db = Requests.Database.Create(UserContext.System);
        return db.IndicatorActuals.AsNoTracking().Include(a => a.Evidence)
            .SingleOrDefault(a => a.IndicatorId == db.PerformanceIndicators.Single(i => i.Code == code).Id && a.Year == year && a.Period == period);
    }

    public int PlanId()
    {
        using var db = Requests.Database.Create(UserContext.System);
        return db.StrategicPlans.Single().Id;
    }

    public void Dispose()
    {
        Live.Dispose();
        Requests.Dispose();
    }
}

/// <summary>Keeps every log line with its exception.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");

    public override string ToString() => string.Join("\n", Lines);
}
