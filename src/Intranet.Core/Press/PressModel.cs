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

/// <summary>A news source, polled by its RSS/Atom feed when it has one.</summary>
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
    public int ItemsFound { get; set; }
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
    public required string Title { get; set; }
    /// <summary>Folded title, to store the same story from one source once.</summary>
    public string TitleKey { get; set; } = "";
    public string? Summary { get; set; }
    public string? Url { get; set; }
    public DateTime PublishedAt { get; set; }
    public DateTime CapturedAt { get; set; }
    public Tone Tone { get; set; }
    public string? Topic { get; set; }
    public int Importance { get; set; }
    public bool NeedsAnswer { get; set; }
    public string? MatchedRules { get; set; }
    /// <summary>Print clippings: page and columnist.</summary>
    public string? Page { get; set; }
    public string? Columnist { get; set; }
    public Guid Version { get; set; }
}
