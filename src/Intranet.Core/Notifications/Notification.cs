namespace Intranet.Core.Notifications;

/// <summary>An in-app notification (the bell): escalations, assignments.</summary>
public class Notification
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public required string Text { get; set; }
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>Per-user settings stored as JSON under a key (dashboard card layout, grid columns).</summary>
public class UserPreference
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public required string Key { get; set; }
    public required string Json { get; set; }
}
