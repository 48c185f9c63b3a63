namespace Intranet.Core.Common;

/// <summary>
/// The instants and days the app reads from its one clock, <see cref="TimeProvider"/> (tests pin it). Nothing under
/// src/ reads the machine clock through the Now, UtcNow or Today of DateTime or DateTimeOffset; a test scans for them.
/// </summary>
public static class ClockExtensions
{
    /// <summary>Now, as a UTC <see cref="DateTime"/> (the kind every stored instant has).</summary>
    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    /// <summary>Now on the municipality's wall clock (Europe/Istanbul), whatever zone the server runs in.</summary>
    public static DateTime IstanbulNow(this TimeProvider clock) => IstanbulTime.ToLocal(clock.UtcNow());

    /// <summary>Today in Istanbul: the day a person in the building calls today (at 02:20 it is not yet UTC's).</summary>
    public static DateOnly IstanbulToday(this TimeProvider clock) => IstanbulTime.Today(clock.UtcNow());
}
