using System.Text.RegularExpressions;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Common;

/// <summary>
/// Tests wait for an effect, never for a fixed time: a sleep long enough on a quiet machine is too short on a loaded
/// CI machine, and a sleep that checks that nothing happened passes when it should not. Timing is tested on a fake
/// clock; waits go through <see cref="Eventually"/> or a condition the page or service signals.
/// </summary>
public sealed partial class NoSleepingTestsTests
{
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["tests/Intranet.Tests/Infrastructure/Eventually.cs"] = "the one poll between two looks at a condition",
        ["tests/Intranet.Tests/Press/FeedServer.cs"] = "a news site that answers slowly on purpose (the poller's timeout is what is tested)",
        ["tests/Intranet.Tests/Common/NoSleepingTestsTests.cs"] = "this scan's own examples",
    };

    [Fact]
    public void No_test_sleeps_as_a_wait()
    {
        var offenders = RepositoryFiles.Sources("tests")
            .Where(f => !Allowed.ContainsKey(RepositoryFiles.Relative(f)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(x => Sleep().IsMatch(x.Text))
            .Select(x => $"{RepositoryFiles.Relative(x.File)}:{x.Line}: {x.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Wait for the effect (Eventually, a signal, a fake clock), not for a time:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_scan_finds_each_kind_of_sleep()
    {
        foreach (var line in new[] { "Thread.Sleep(100);", "await Task.Delay(300);", "await page.WaitForTimeoutAsync(400);", "await Task.Delay(TimeSpan.FromSeconds(1), ct);" })
            Assert.Matches(Sleep(), line);
        Assert.DoesNotMatch(Sleep(), "await task.WaitAsync(TimeSpan.FromSeconds(10));");
    }

    [GeneratedRegex(@"\b(Thread\.Sleep|Task\.Delay|WaitForTimeoutAsync)\s*\(")]
    private static partial Regex Sleep();
}
