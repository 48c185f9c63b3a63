namespace Intranet.Core.Press;

/// <summary>Settings of the feed poller (config section <c>Press</c>).</summary>
public sealed record PressOptions
{
    public const string Section = "Press";

    /// <summary>Whether the background poller runs at all.</summary>
    public bool PollerEnabled { get; init; } = true;
    /// <summary>How often the poller looks for sources that are due (each source has its own interval).</summary>
    public double PollCheckSeconds { get; init; } = 30;
    /// <summary>Sources read at the same time (never two polls of one source).</summary>
    public int MaxParallelPolls { get; init; } = 4;
    /// <summary>Time for one HTTP attempt, from request to the last byte of the body.</summary>
    public double RequestTimeoutSeconds { get; init; } = 20;
    /// <summary>Extra attempts after a timeout, a network error, 429 or 5xx, with doubling waits.</summary>
    public int Retries { get; init; } = 2;
    public double RetryDelaySeconds { get; init; } = 2;
    /// <summary>A feed larger than this is refused (no news feed is; a wrong URL or a broken server may be).</summary>
    public long MaxFeedBytes { get; init; } = 5 * 1024 * 1024;
    /// <summary>The longest wait after repeated failures (the wait doubles per failure, from the source's interval).</summary>
    public double MaxBackoffMinutes { get; init; } = 360;
    /// <summary>Istanbul hour at which the daily digest e-mail goes out.</summary>
    public int DigestHour { get; init; } = 8;
    public bool DigestEnabled { get; init; } = true;
    /// <summary>Extra digest recipients besides the mayor's office and the deputy mayors.</summary>
    public string[] DigestExtraRecipients { get; init; } = [];
    public string UserAgent { get; init; } = "BelediyeIntranet-Basin/1.0";
}
