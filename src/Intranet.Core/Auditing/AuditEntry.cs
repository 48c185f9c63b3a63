namespace Intranet.Core.Auditing;

/// <summary>One change to one record: who, when, what it was and what it became (JSON of the changed fields).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>Eklendi / Güncellendi / Silindi, or Görüntülendi for KVKK-logged views of personal data.</summary>
    public required string Action { get; set; }
    public string? UserObjectId { get; set; }
    public required string UserName { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
