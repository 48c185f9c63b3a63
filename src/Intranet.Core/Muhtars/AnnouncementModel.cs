using Intranet.Core.Common;

namespace Intranet.Core.Muhtars;

/// <summary>
/// A message to muhtars (a duyuru, or the notice of a visit). <see cref="Key"/> is unique: the compose form's
/// one-off key, or the visit and its start time, so a double click or a second trigger finds the same row instead of
/// writing a second announcement. Its <see cref="MessageDelivery"/> rows are the outbox.
/// </summary>
public class Announcement : IAudited
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public bool BySms { get; set; }
    public bool ByEmail { get; set; }
    /// <summary>Set for the notice of a visit or meeting.</summary>
    public int? VisitId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

public enum DeliveryChannel
{
    Sms = 0,
    EPosta = 1,
}

public enum DeliveryStatus
{
    Bekliyor = 0,
    Gonderiliyor = 1,
    Gonderildi = 2,
    Basarisiz = 3,
}

/// <summary>
/// One recipient on one channel: unique per (announcement, muhtar, channel), claimed before sending, stamped after,
/// so a message goes out at most once per recipient and channel however often sending is triggered.
/// </summary>
public class MessageDelivery
{
    public long Id { get; set; }
    public int AnnouncementId { get; set; }
    public int MuhtarId { get; set; }
    public int NeighbourhoodId { get; set; }
    public DeliveryChannel Channel { get; set; }
    public required string Address { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    /// <summary>While one sender holds the row; a sender that died leaves it to be picked up after this.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

public static class DeliveryText
{
    public static string Name(this DeliveryChannel c) => c == DeliveryChannel.Sms ? "SMS" : "E-posta";

    public static string Name(this DeliveryStatus s) => s switch
    {
        DeliveryStatus.Bekliyor => "Bekliyor",
        DeliveryStatus.Gonderiliyor => "Gönderiliyor",
        DeliveryStatus.Gonderildi => "Gönderildi",
        DeliveryStatus.Basarisiz => "Başarısız",
        _ => s.ToString(),
    };
}
