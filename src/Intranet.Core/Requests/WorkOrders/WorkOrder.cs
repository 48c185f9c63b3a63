using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Requests.WorkOrders;

public enum WorkOrderStatus
{
    Planlandi = 0,
    Sahada = 1,
    Tamamlandi = 2,
    IptalEdildi = 3,
}

/// <summary>Before or after the work: the pair shows what the crew did.</summary>
public enum PhotoStage
{
    Once = 0,
    Sonra = 1,
}

/// <summary>
/// One job under a request (a road repair, a lamp replacement), for a directorate and optionally one of its crews.
/// The request is solved when every work order that was not cancelled is done (see <see cref="WorkOrderService"/>).
/// </summary>
public class WorkOrder : IVersioned, IAudited
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public Request? Request { get; set; }
    public int DirectorateId { get; set; }
    public Directorate? Directorate { get; set; }
    /// <summary>The crew within the directorate ("Asfalt Ekibi 2"), when one is named.</summary>
    public string? Crew { get; set; }
    public required string Description { get; set; }
    public WorkOrderStatus Status { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? DoneAt { get; set; }
    /// <summary>What the crew did; becomes part of the request's resolution.</summary>
    public string? DoneNote { get; set; }
    public string? CancelReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }

    public bool IsFinished => Status is WorkOrderStatus.Tamamlandi or WorkOrderStatus.IptalEdildi;
}

/// <summary>A photo the field team took on site. Never edited; the content is checked by its bytes like every attachment.</summary>
public class WorkOrderPhoto : IAudited
{
    public int Id { get; set; }
    public int WorkOrderId { get; set; }
    public PhotoStage Stage { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

public static class WorkOrderText
{
    public static string Name(this WorkOrderStatus s) => s switch
    {
        WorkOrderStatus.Planlandi => "Planlandı",
        WorkOrderStatus.Sahada => "Sahada",
        WorkOrderStatus.Tamamlandi => "Tamamlandı",
        WorkOrderStatus.IptalEdildi => "İptal Edildi",
        _ => s.ToString(),
    };

    public static string Name(this PhotoStage s) => s == PhotoStage.Once ? "Önce" : "Sonra";
}

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.ToTable("WorkOrders");
        b.Property(x => x.Crew).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.DoneNote).HasMaxLength(2000);
        b.Property(x => x.CancelReason).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(160);
        b.Ignore(x => x.IsFinished);
        b.HasIndex(x => x.RequestId);
        // The field team's list: their directorate's open work, by plan date.
        b.HasIndex(x => new { x.DirectorateId, x.Status, x.PlannedOn });
        b.HasOne(x => x.Request).WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Directorate).WithMany().HasForeignKey(x => x.DirectorateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkOrderPhotoConfiguration : IEntityTypeConfiguration<WorkOrderPhoto>
{
    public void Configure(EntityTypeBuilder<WorkOrderPhoto> b)
    {
        b.ToTable("WorkOrderPhotos");
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(160);
        b.HasIndex(x => x.WorkOrderId);
        b.HasOne<WorkOrder>().WithMany().HasForeignKey(x => x.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The tables as properties of the context, kept here so the feature adds no line to the shared context file.</summary>
public static class WorkOrderData
{
    extension(IntranetDbContext db)
    {
        public DbSet<WorkOrder> WorkOrders => db.Set<WorkOrder>();
        public DbSet<WorkOrderPhoto> WorkOrderPhotos => db.Set<WorkOrderPhoto>();
    }
}
