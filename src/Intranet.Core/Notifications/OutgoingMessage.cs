using Intranet.Core.Data;
using Intranet.Core.Requests.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Notifications;

/// <summary>What became of one outgoing e-mail or SMS.</summary>
public enum OutgoingStatus
{
    /// <summary>Written to the store only (Development, or <c>Notifications:Store</c>): nothing left the building.</summary>
    Stored = 0,
    Sent = 1,
    /// <summary>The SMTP server or the SMS operator refused it, or could not be reached.</summary>
    Failed = 2,
    /// <summary>The channel is not configured, so the app refused to send.</summary>
    Refused = 3,
}

/// <summary>
/// One e-mail or SMS the app sent, stored or tried to send, as Yönetim → Giden iletiler lists it. Every sender goes
/// through <see cref="OutgoingMessageLog"/>, so this is the one place to see what went out (or would have, in the
/// demo). Rows older than <c>Notifications:KeepDays</c> are deleted: the texts carry citizens' names and addresses.
/// </summary>
public class OutgoingMessage
{
    public long Id { get; set; }
    public MessageChannel Channel { get; set; }
    public MessageKind Kind { get; set; }
    /// <summary>E-mail addresses (comma separated) or the phone number.</summary>
    public required string Recipient { get; set; }
    public string? Subject { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public OutgoingStatus Status { get; set; }
    public string? Error { get; set; }
}

public static class OutgoingStatusText
{
    public static string Name(this OutgoingStatus status) => status switch
    {
        OutgoingStatus.Stored => "Depoda (gönderilmedi)",
        OutgoingStatus.Sent => "Gönderildi",
        OutgoingStatus.Failed => "Başarısız",
        OutgoingStatus.Refused => "Reddedildi",
        _ => status.ToString(),
    };
}

internal sealed class OutgoingMessageConfiguration : IEntityTypeConfiguration<OutgoingMessage>
{
    public const int RecipientLength = 1000;
    public const int ErrorLength = 1000;

    public void Configure(EntityTypeBuilder<OutgoingMessage> b)
    {
        b.ToTable("OutgoingMessages");
        b.Property(x => x.Recipient).HasMaxLength(RecipientLength);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Error).HasMaxLength(ErrorLength);
        // The page lists newest first; the channel health reads the last success and failure per channel.
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => new { x.Channel, x.Status, x.CreatedAt });
    }
}

/// <summary>The table as a property of the context, kept here so the feature adds no line to the shared context file.</summary>
public static class OutgoingMessageData
{
    extension(IntranetDbContext db)
    {
        public DbSet<OutgoingMessage> OutgoingMessages => db.Set<OutgoingMessage>();
    }
}
