using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Requests.Outbox;

public enum MessageChannel
{
    EPosta = 0,
    Sms = 1,
}

/// <summary>Why a message about a request goes out.</summary>
public enum MessagePurpose
{
    /// <summary>The formal letter to the outside body a request was forwarded to.</summary>
    KurumaYazi = 0,
    /// <summary>The citizen told who now handles their request.</summary>
    VatandasaBilgi = 1,
    /// <summary>The satisfaction question sent by SMS instead of a phone call.</summary>
    MemnuniyetSorusu = 2,
}

/// <summary>
/// The outbox of messages about a request (letters to outside bodies, notices and questions to citizens). A row is
/// written in the same save as the step that owes it, then delivered and stamped; a delivery is claimed first, so a
/// retry, a second instance or a double click never sends a message twice (see <see cref="RequestMessageOutbox"/>).
/// </summary>
public class RequestMessage
{
    public long Id { get; set; }
    public int RequestId { get; set; }
    public int? HandoffId { get; set; }
    public int? CallbackId { get; set; }
    public MessagePurpose Purpose { get; set; }
    public MessageChannel Channel { get; set; }
    /// <summary>E-mail address or normalised mobile number.</summary>
    public required string Recipient { get; set; }
    public string? Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>When the next attempt of the retry sweep is due.</summary>
    public DateTime? NextAttemptAt { get; set; }
    /// <summary>Set while one delivery is sending the row; nobody else claims it until then (a crash mid-send retries after it).</summary>
    public DateTime? LeasedUntil { get; set; }
    /// <summary>Set when the attempts ran out: the error stays for a person to see and retry by hand.</summary>
    public DateTime? GaveUpAt { get; set; }
    public string? LastError { get; set; }
}

public static class MessageText
{
    public static string Name(this MessageChannel c) => c == MessageChannel.Sms ? "SMS" : "E-posta";

    public static string Name(this MessagePurpose p) => p switch
    {
        MessagePurpose.KurumaYazi => "Kuruma yazı",
        MessagePurpose.VatandasaBilgi => "Vatandaşa bilgi",
        MessagePurpose.MemnuniyetSorusu => "Memnuniyet sorusu",
        _ => p.ToString(),
    };

    /// <summary>How the message is listed under Giden iletiler.</summary>
    public static Notifications.MessageKind Kind(this MessagePurpose p) => p switch
    {
        MessagePurpose.KurumaYazi => Notifications.MessageKind.HandoffLetter,
        MessagePurpose.VatandasaBilgi => Notifications.MessageKind.CitizenNotice,
        _ => Notifications.MessageKind.SatisfactionQuestion,
    };
}

internal sealed class RequestMessageConfiguration : IEntityTypeConfiguration<RequestMessage>
{
    public void Configure(EntityTypeBuilder<RequestMessage> b)
    {
        b.ToTable("RequestMessages");
        b.Property(x => x.Recipient).HasMaxLength(320);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(8000);
        b.Property(x => x.CreatedBy).HasMaxLength(160);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => x.RequestId);
        // The retry sweep's query: unsent rows still trying, by when they are due.
        b.HasIndex(x => new { x.SentAt, x.GaveUpAt, x.NextAttemptAt });
        b.HasOne<Request>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The table as a property of the context, kept here so the feature adds no line to the shared context file. Inside a
/// query expression (a subquery) write <c>db.Set&lt;RequestMessage&gt;()</c>: expression trees cannot hold extension properties.
/// </summary>
public static class RequestMessageData
{
    extension(IntranetDbContext db)
    {
        public DbSet<RequestMessage> RequestMessages => db.Set<RequestMessage>();
    }
}
