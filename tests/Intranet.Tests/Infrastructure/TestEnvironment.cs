namespace Intranet.Tests.Infrastructure;

/// <summary>
/// What the test run was given. scripts/test.sh starts PostgreSQL and passes its connection string; with CI=true a
/// missing dependency fails the tests that need it instead of skipping them.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "INTRANET_TEST_POSTGRES";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? PostgresConnection => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;
}

/// <summary>
/// A test that needs a live PostgreSQL server. Skipped outside CI when none was given; in CI (CI=true) never skipped,
/// so a missing server fails the run.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestEnvironment.PostgresConnection is null && !TestEnvironment.IsCi)
            Skip = $"No PostgreSQL server: run scripts/test.sh, or set {TestEnvironment.PostgresVariable}.";
    }
}
