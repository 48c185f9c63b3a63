using Intranet.Core.Common;

namespace Intranet.Core.Press;

public enum PressSourceKind
{
    UlusalGazete = 0,
    YerelGazete = 1,
    Televizyon = 2,
    WebSitesi = 3,
    Ajans = 4,
    Radyo = 5,
}

public enum Tone
{
    Notr = 0,
    Olumlu = 1,
    Olumsuz = 2,
}

/// <summary>How a clipping reached the archive: a feed item on the web, a printed page, or a broadcast.</summary>
public enum ClippingKind
{
    Internet = 0,
    Basili = 1,
    Televizyon = 2,
    Radyo = 3,
}

/// <summary>
/// A news source, polled by its RSS/Atom feed when it has one. The health fields (last poll, success, error, items)
/// belong to the poller, which writes them with set-based updates outside the version token, so a person editing the
/// source never conflicts with a poll.
/// </summary>
public class PressSource : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public PressSourceKind Kind { get; set; }
    public string? FeedUrl { get; set; }
    public int PollMinutes { get; set; } = 15;
    public bool Enabled { get; set; } = true;
    public DateTime? LastPolledAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
    /// <summary>What the last good read could not use (an unreadable date, an item without a title).</summary>
    public string? LastWarning { get; set; }
    /// <summary>Items in the feed at the last successful read.</summary>
    public int ItemsFound { get; set; }
    /// <summary>Clippings the last successful read added.</summary>
    public int LastNewClippings { get; set; }
    /// <summary>Failed polls in a row; the next poll waits longer after each (backoff).</summary>
    public int ConsecutiveFailures { get; set; }
    public DateTime? NextPollAt { get; set; }
    /// <summary>Set while one poll runs, so no second poll (another worker, another server, "poll now") starts.</summary>
    public DateTime? PollLeaseUntil { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A haber kupürü: an article, print clipping or broadcast mention about the municipality.</summary>
public class PressClipping : IVersioned, IAudited
{
    public int Id { get; set; }
    public int? SourceId { get; set; }
    public PressSource? Source { get; set; }
    public ClippingKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary><see cref="TurkishText.Key"/> of the title: one source's same story is stored once (unique with the source).</summary>
    public string TitleKey { get; set; } = "";
    public string? Summary { get; set; }
    /// <summary>The article's text, typed or pasted for print and broadcast clippings.</summary>
    public string? Text { get; set; }
    public string? Url { get; set; }
    /// <summary>SHA-256 of the normalised URL: the same story is stored once whichever feed brought it (unique).</summary>
    public string? UrlHash { get; set; }
    public string? ImageUrl { get; set; }
    public DateTime PublishedAt { get; set; }
    /// <summary>The Istanbul calendar day of <see cref="PublishedAt"/>, for per-day figures and date filters.</summary>
    public DateOnly PublishedOn { get; set; }
    public DateTime CapturedAt { get; set; }
    public string? CapturedBy { get; set; }
    public Tone Tone { get; set; }
    public string? Topic { get; set; }
    /// <summary>1 (low) to 5 (very high); 0 until someone judges it.</summary>
    public int Importance { get; set; }
    /// <summary>Needs an answer or a tekzip (official correction).</summary>
    public bool NeedsAnswer { get; set; }
    /// <summary>Related directorates as ",3,7," so one LIKE finds a directorate and a change is one audited field.</summary>
    public string? DirectorateIds { get; set; }
    public string? MatchedRules { get; set; }
    /// <summary>Print clippings: page and columnist; broadcasts: the programme.</summary>
    public string? Page { get; set; }
    public string? Columnist { get; set; }
    public string? Program { get; set; }
    /// <summary>When and by whom it was last triaged; null while nobody has looked at it.</summary>
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    /// <summary>
    /// <see cref="TurkishText.Key"/> of title, summary, text, columnist and programme: the column every provider's
    /// full-text index reads, so "İSTANBUL", "istanbul" and "Istanbul" are one word everywhere.
    /// </summary>
    public string SearchText { get; set; } = "";
    public Guid Version { get; set; }
}

/// <summary>A scanned page (image or PDF) of a print clipping.</summary>
public class PressScan
{
    public int Id { get; set; }
    public int ClippingId { get; set; }
    public PressClipping? Clipping { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

/// <summary>
/// A keyword rule: an item whose title or summary contains one of <see cref="Terms"/> as whole words (any case, with
/// or without Turkish letters) and none of <see cref="ExcludeTerms"/> becomes a clipping.
/// </summary>
public class PressKeywordRule : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>One phrase per line; a trailing * matches any ending ("Kağıthane*" also finds "Kağıthaneli").</summary>
    public required string Terms { get; set; }
    public string? ExcludeTerms { get; set; }
    /// <summary>A match relates the clipping to this directorate.</summary>
    public int? DirectorateId { get; set; }
    public bool Enabled { get; set; } = true;
    public Guid Version { get; set; }
}

/// <summary>
/// The outbox row of one day's digest e-mail, unique per day: inserted before sending, so a restart or a second server
/// never sends the same day's digest twice.
/// </summary>
public class PressDigestDispatch
{
    public int Id { get; set; }
    public DateOnly Day { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public int Recipients { get; set; }
    public int Clippings { get; set; }
}
