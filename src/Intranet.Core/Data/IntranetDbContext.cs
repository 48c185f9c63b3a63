using Intranet.Core.Auditing;
using Intranet.Core.Calendar;
using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Organization;
using Intranet.Core.Performance;
using Intranet.Core.Press;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Data;

/// <summary>
/// The one database of the intranet. Every save stamps a fresh concurrency token on changed
/// <see cref="IVersioned"/> records and writes an <see cref="AuditEntry"/> per changed <see cref="IAudited"/> record,
/// inside the same transaction, so no change escapes the audit log.
/// </summary>
public class IntranetDbContext(DbContextOptions<IntranetDbContext> options, ICurrentUser currentUser, TimeProvider clock) : DbContext(options)
{
    /// <summary>The clock that stamps audit rows (the app's one <see cref="TimeProvider"/>).</summary>
    public TimeProvider Clock => clock;

    /// <summary>Who the audit log names for this context's changes.</summary>
    public UserContext Actor => currentUser.User;

    /// <summary>
    /// Bulk demo seeding only: saves still stamp concurrency tokens but write no audit rows, which would otherwise
    /// double the inserts, and leave the statistics cells alone (the seeder rebuilds them once at the end with
    /// <see cref="RequestStatisticsCells.RebuildAsync"/>). Never set it for user changes.
    /// </summary>
    public bool AuditingSuspended { get; set; }

    public DbSet<Directorate> Directorates => Set<Directorate>();
    public DbSet<Neighbourhood> Neighbourhoods => Set<Neighbourhood>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<Citizen> Citizens => Set<Citizen>();
    public DbSet<Request> Requests => Set<Request>();
    public DbSet<RequestHistory> RequestHistory => Set<RequestHistory>();
    public DbSet<RequestAttachment> RequestAttachments => Set<RequestAttachment>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<SavedFilter> SavedFilters => Set<SavedFilter>();
    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();
    public DbSet<CalendarEvent> CalendarEvents => Set<CalendarEvent>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentMessage> AppointmentMessages => Set<AppointmentMessage>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<PerformanceIndicator> PerformanceIndicators => Set<PerformanceIndicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<IndicatorActual> IndicatorActuals => Set<IndicatorActual>();
    public DbSet<StrategicPlan> StrategicPlans => Set<StrategicPlan>();
    public DbSet<StrategicGoal> StrategicGoals => Set<StrategicGoal>();
    public DbSet<StrategicObjective> StrategicObjectives => Set<StrategicObjective>();
    public DbSet<IndicatorActualLog> IndicatorActualLogs => Set<IndicatorActualLog>();
    public DbSet<IndicatorEvidence> IndicatorEvidence => Set<IndicatorEvidence>();
    public DbSet<PressSource> PressSources => Set<PressSource>();
    public DbSet<PressClipping> PressClippings => Set<PressClipping>();
    public DbSet<PressScan> PressScans => Set<PressScan>();
    public DbSet<PressKeywordRule> PressKeywordRules => Set<PressKeywordRule>();
    public DbSet<PressDigestDispatch> PressDigestDispatches => Set<PressDigestDispatch>();
    public DbSet<PressRelease> PressReleases => Set<PressRelease>();
    public DbSet<Journalist> Journalists => Set<Journalist>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<UserPreference> UserPreferences => Set<UserPreference>();
    public DbSet<DeviceToken> DeviceTokens => Set<DeviceToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntranetDbContext).Assembly);
        RequestSearch.Configure(modelBuilder, Database.ProviderName);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC; SQLite and SQL Server forget the Kind on the way back, PostgreSQL insists on it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (AuditingSuspended)
        {
            AuditRecorder.StampVersions(this);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var audit = AuditRecorder.Capture(this, Actor, clock.UtcNow());
        var cells = RequestStatisticsCells.Capture(this);
        if (audit.Added.Count == 0 && cells is null)
        {
            AuditEntries.AddRange(audit.Entries);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // New records get their ids from the database, so their audit rows follow in a second save, and a changed
        // request moves its statistics cells after it is written; one transaction keeps them together.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            AuditEntries.AddRange(audit.Entries);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (audit.Added.Count > 0)
            {
                AuditEntries.AddRange(audit.Added.Select(a => a.Complete()));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (cells is not null) await cells.ApplyAsync(this, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }
}
