using System.Runtime.CompilerServices;
using Microsoft.Playwright;

// Each test class starts its own app and chromium; on two cores, running them side by side only makes each slower.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Intranet.EndToEnd.Infrastructure;

internal static class AssemblySettings
{
    /// <summary>Room for a busy CI machine; a real regression (a missing update) still fails, only later.</summary>
    [ModuleInitializer]
    internal static void Initialize() => Assertions.SetDefaultExpectTimeout(10_000);
}
