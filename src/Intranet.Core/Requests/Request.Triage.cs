using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Requests;

/// <summary>How urgently the directorate should take a request up. Normal is 0 so existing rows read as Normal.</summary>
public enum RequestPriority
{
    Dusuk = -1,
    Normal = 0,
    Yuksek = 1,
    Acil = 2,
}

/// <summary>CİMER's own classification of an application, as CİMER sends it.</summary>
public enum CimerType
{
    Istek = 0,
    Sikayet = 1,
    Ihbar = 2,
    Gorus = 3,
    BilgiEdinme = 4,
    Tesekkur = 5,
}

// The desk's triage fields and the legal paths' flags. A partial of Request, so this feature's columns live beside
// its own code and Request.cs stays as the other request work left it.
public partial class Request
{
    public RequestPriority Priority { get; set; }

    /// <summary>Closed as a repeat of this request (bulk "tekrar olarak kapat").</summary>
    public int? DuplicateOfId { get; set; }

    /// <summary>CİMER's type of the application; set for the CİMER channel.</summary>
    public CimerType? CimerType { get; set; }

    /// <summary>
    /// An ihbar whose sender asked for secrecy: no one outside the screening desk sees who sent it
    /// (<see cref="ConfidentialIdentity"/>), in any list, detail, export or look-up.
    /// </summary>
    public bool IdentityConfidential { get; set; }
}

internal sealed class RequestTriageConfiguration : IEntityTypeConfiguration<Request>
{
    public void Configure(EntityTypeBuilder<Request> b)
    {
        b.HasOne<Request>().WithMany().HasForeignKey(x => x.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        // "Assigned to X" and "unassigned in my directorate" views.
        b.HasIndex(x => new { x.DirectorateId, x.AssigneeId, x.Status });
    }
}

public static class RequestTriageText
{
    public static string Name(this RequestPriority p) => p switch
    {
        RequestPriority.Dusuk => "Düşük",
        RequestPriority.Normal => "Normal",
        RequestPriority.Yuksek => "Yüksek",
        RequestPriority.Acil => "Acil",
        _ => p.ToString(),
    };

    public static string Name(this CimerType t) => t switch
    {
        CimerType.Istek => "İstek",
        CimerType.Sikayet => "Şikâyet",
        CimerType.Ihbar => "İhbar",
        CimerType.Gorus => "Görüş",
        CimerType.BilgiEdinme => "Bilgi Edinme",
        CimerType.Tesekkur => "Teşekkür",
        _ => t.ToString(),
    };

    /// <summary>The request type a CİMER application becomes here; "görüş" is an opinion, which we file as öneri.</summary>
    public static RequestType RequestTypeOf(CimerType t) => t switch
    {
        CimerType.Istek => RequestType.Talep,
        CimerType.Sikayet => RequestType.Sikayet,
        CimerType.Ihbar => RequestType.Ihbar,
        CimerType.Gorus => RequestType.Oneri,
        CimerType.BilgiEdinme => RequestType.BilgiEdinme,
        CimerType.Tesekkur => RequestType.Tesekkur,
        _ => RequestType.Talep,
    };
}
