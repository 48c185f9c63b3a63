using System.Diagnostics;

namespace Intranet.Tests.Infrastructure;

/// <summary>
/// Waits for background work to show its effect. Tests wait for the effect, not for a fixed time: a fixed delay that is
/// enough on a quiet machine is not enough on a loaded CI machine.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string? what = null, int seconds = 10)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started).TotalSeconds > seconds) throw new TimeoutException($"{what ?? "The condition"} did not come true in {seconds} s.");
            await Task.Delay(5);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string? what = null, int seconds = 10)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started).TotalSeconds > seconds) throw new TimeoutException($"{what ?? "The condition"} did not come true in {seconds} s.");
            await Task.Delay(20);
        }
    }
}
