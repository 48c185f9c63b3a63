namespace Intranet.Core.Dashboard;

public sealed class DashboardOptions
{
    /// <summary>Changes within this window become one update per scope (and so one render per screen).</summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(150);
    /// <summary>A scope nobody watched for this long is dropped from the cache.</summary>
    public TimeSpan IdleEviction { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How often watched scopes are reloaded from the database: overdue and "today" move on with the clock,
    /// renamed directorates show, and anything a lost message left out is corrected.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(1);
}
