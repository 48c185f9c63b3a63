namespace Intranet.Core.Notifications;

/// <summary>An e-mail to send through the configured SMTP server; <see cref="Kind"/> says which feature sends it.</summary>
public sealed record EmailMessage(IReadOnlyList<string> To, string Subject, string Body, MessageKind Kind);

public interface IEmailSender
{
    /// <summary>Sends or throws; callers record the failure where the person can see it.</summary>
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

/// <summary>An SMS provider (each deployment configures its own operator's HTTP API).</summary>
public interface ISmsSender
{
    /// <summary>Sends or throws; <paramref name="kind"/> says which feature sends it (shown under Giden iletiler).</summary>
    Task SendAsync(string phone, string text, MessageKind kind, CancellationToken ct = default);
}

/// <summary>What an outgoing e-mail or SMS is for: every sender in the app names one.</summary>
public enum MessageKind
{
    /// <summary>An overdue request told to its directorate's directors and the deputy mayor.</summary>
    Escalation = 0,
    /// <summary>The answer to a citizen's request.</summary>
    CitizenReply = 1,
    /// <summary>The formal letter to the outside body a request was forwarded to.</summary>
    HandoffLetter = 2,
    /// <summary>The citizen told who now handles their request.</summary>
    CitizenNotice = 3,
    /// <summary>The satisfaction question sent by SMS.</summary>
    SatisfactionQuestion = 4,
    MuhtarAnnouncement = 5,
    /// <summary>The notice of a neighbourhood visit or meeting to its muhtars.</summary>
    VisitNotice = 6,
    /// <summary>An appointment with the mayor scheduled or declined.</summary>
    Appointment = 7,
    PressRelease = 8,
    PressDigest = 9,
}

public static class MessageKindText
{
    public static string Name(this MessageKind kind) => kind switch
    {
        MessageKind.Escalation => "Süre aşımı bildirimi",
        MessageKind.CitizenReply => "Başvuru cevabı",
        MessageKind.HandoffLetter => "Kuruma yazı",
        MessageKind.CitizenNotice => "Vatandaşa bilgi",
        MessageKind.SatisfactionQuestion => "Memnuniyet sorusu",
        MessageKind.MuhtarAnnouncement => "Muhtar duyurusu",
        MessageKind.VisitNotice => "Ziyaret bildirimi",
        MessageKind.Appointment => "Randevu iletisi",
        MessageKind.PressRelease => "Basın bülteni",
        MessageKind.PressDigest => "Günlük basın özeti",
        _ => kind.ToString(),
    };
}
