using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Intranet.Core.Common;

/// <summary>
/// The app's own meter and every instrument on it, in one place: OpenTelemetry exports them when configured
/// (OTLP, Prometheus; see docs/operations.md), and with no listener a measurement costs next to nothing.
/// The instruments are static because what they count (circuits, fan-out, sweeps) belongs to the process.
/// </summary>
public static class IntranetMetrics
{
    public const string MeterName = "Intranet";

    /// <summary>The source of the app's own spans (around background work the framework does not trace).</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Blazor circuits open on this server (every open page of the app is one).</summary>
    public static readonly UpDownCounter<long> CircuitsOpen =
        Meter.CreateUpDownCounter<long>("intranet.circuits.open", "{circuit}", "Blazor circuits open on this server");

    /// <summary>Changes this server's screens heard of (published here, or from another server through Redis), by topic.</summary>
    public static readonly Counter<long> Changes =
        Meter.CreateCounter<long>("intranet.changes", "{change}", "Changes handed to this server's listeners");

    /// <summary>Snapshots pushed to screens: one per open screen and change (rate = changes fanned out per second).</summary>
    public static readonly Counter<long> ChangesFannedOut =
        Meter.CreateCounter<long>("intranet.changes.fanned_out", "{screen update}", "Dashboard snapshots pushed to open screens");

    /// <summary>From a change's publication to a screen's render of it.</summary>
    public static readonly Histogram<double> ChangeToScreen =
        Meter.CreateHistogram<double>("intranet.change_to_screen.duration", "ms", "From a change's publication to a screen's render of it",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 25, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000] });

    public static readonly Counter<long> EscalationSweeps =
        Meter.CreateCounter<long>("intranet.escalation.sweeps", "{sweep}", "Deadline sweeps run, by outcome");

    public static readonly Histogram<double> EscalationSweepDuration =
        Meter.CreateHistogram<double>("intranet.escalation.sweep.duration", "s", "How long a deadline sweep took");

    public static readonly Counter<long> FeedPolls =
        Meter.CreateCounter<long>("intranet.press.feed_polls", "{poll}", "Press feed polls, by outcome");

    /// <summary>E-mail and SMS by channel, kind and outcome (sent, stored, failed, refused).</summary>
    public static readonly Counter<long> Messages =
        Meter.CreateCounter<long>("intranet.messages", "{message}", "Outgoing e-mail and SMS, by channel, kind and outcome");

    private static Func<IEnumerable<Measurement<long>>> _backlog = () => [];
    private static Func<IEnumerable<Measurement<long>>> _givenUp = () => [];

    static IntranetMetrics()
    {
        Meter.CreateObservableGauge("intranet.outbox.backlog", () => _backlog(), "{message}",
            "Messages waiting in the outboxes to be sent, by outbox and channel");
        Meter.CreateObservableGauge("intranet.outbox.given_up", () => _givenUp(), "{message}",
            "Messages whose attempts ran out and that wait for a person, by outbox and channel");
    }

    /// <summary>What the outbox gauges report from now on (the latest counts the backlog monitor read).</summary>
    public static void ObserveOutboxes(IReadOnlyList<(string Outbox, string Channel, int Waiting, int GivenUp)> counts)
    {
        _backlog = () => counts.Select(c => new Measurement<long>(c.Waiting, Tag("outbox", c.Outbox), Tag("channel", c.Channel)));
        _givenUp = () => counts.Select(c => new Measurement<long>(c.GivenUp, Tag("outbox", c.Outbox), Tag("channel", c.Channel)));
    }

    public static void RecordChangeToScreen(TimeProvider clock, DateTime publishedAtUtc)
    {
        var elapsed = clock.GetUtcNow().UtcDateTime - publishedAtUtc;
        // A clock step between servers could make it negative: that says nothing about latency.
        if (elapsed >= TimeSpan.Zero) ChangeToScreen.Record(elapsed.TotalMilliseconds);
    }

    public static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
