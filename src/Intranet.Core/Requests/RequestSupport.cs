using Intranet.Core.Common;

namespace Intranet.Core.Requests;

/// <summary>A photo or document attached to a request at intake or later.</summary>
public class RequestAttachment
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public Request? Request { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

public enum EscalationKind
{
    /// <summary>The deadline is near: the assignee is warned.</summary>
    Warning = 0,
    /// <summary>The deadline passed: the director and the deputy mayor are told.</summary>
    Overdue = 1,
}

/// <summary>
/// A sent escalation. Unique per (request, kind, deadline), so a restart or a second instance never sends the
/// same escalation twice; a new deadline (after re-routing) may escalate again.
/// </summary>
public class Escalation
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public EscalationKind Kind { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EmailSentAt { get; set; }
    public DateTime? SmsSentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Delivery attempts so far; a failing channel is retried on later sweeps up to a limit.</summary>
    public int Attempts { get; set; }
    /// <summary>When the next delivery attempt is due; also a short lease while one sweep is sending it.</summary>
    public DateTime? NextAttemptAt { get; set; }
    /// <summary>Every channel done (sent, or nothing to send): the sweep never touches it again.</summary>
    public DateTime? CompletedAt { get; set; }
}

/// <summary>A filter a user saved on the request list.</summary>
public class SavedFilter : IVersioned
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public required string Name { get; set; }
    public required string Json { get; set; }
    public Guid Version { get; set; }
}
