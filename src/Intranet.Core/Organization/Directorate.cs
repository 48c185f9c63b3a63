using Intranet.Core.Common;

namespace Intranet.Core.Organization;

/// <summary>A müdürlük. Overdue requests escalate to its director and then to the deputy mayor above it.</summary>
public class Directorate : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Short code used in reports, e.g. "FEN".</summary>
    public required string Code { get; set; }
    /// <summary>The Başkan Yardımcısı this directorate reports to.</summary>
    public string? DeputyMayorName { get; set; }
    public string? DeputyMayorEmail { get; set; }
    public string? DeputyMayorPhone { get; set; }
    public string? Email { get; set; }
    /// <summary>The Halkla İlişkiler directorate screens every request, so its staff see all of them.</summary>
    public bool IsScreeningDesk { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}
