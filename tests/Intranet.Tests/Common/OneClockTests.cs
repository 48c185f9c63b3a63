using System.Text.RegularExpressions;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Common;

/// <summary>
/// Every piece of the app reads the time from <see cref="TimeProvider"/>, which tests pin: a direct read of the
/// machine's clock makes a test's outcome depend on the day it runs (and "today" in UTC is not the Istanbul day).
/// </summary>
public sealed partial class OneClockTests
{
    // Files that may read the machine's clock directly, each with the reason. Empty today: keep it short.
    private static readonly Dictionary<string, string> Allowed = new();

    [Fact]
    public void No_source_file_reads_the_machine_clock_directly()
    {
        var offenders = RepositoryFiles.Sources("src")
            .Where(f => !Allowed.ContainsKey(RepositoryFiles.Relative(f)))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(x => DirectClockRead().IsMatch(x.Text))
            .Select(x => $"{RepositoryFiles.Relative(x.File)}:{x.Line}: {x.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Read the time from TimeProvider (ClockExtensions: UtcNow, IstanbulNow, IstanbulToday):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_scan_finds_each_direct_read()
    {
        foreach (var line in new[] { "var a = DateTime.Now;", "x = DateTime.UtcNow.AddDays(1)", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "DateOnly.FromDateTime(DateTime.Today)" })
            Assert.Matches(DirectClockRead(), line);
        foreach (var line in new[] { "clock.UtcNow()", "Clock.IstanbulToday()", "// see DateTime.Nowhere", "DateTime.NowOrNever" })
            Assert.DoesNotMatch(DirectClockRead(), line);
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex DirectClockRead();
}
