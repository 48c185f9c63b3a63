using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intranet.Core.Calendar;

/// <summary>How one message to the requester went: shown to Özel Kalem at once and kept with the appointment.</summary>
public sealed record SendOutcome(MessageChannel Channel, string Recipient, bool Sent, string? Error);

/// <summary>
/// Tells the requester the outcome by SMS (mobile numbers) and e-mail through the configured providers. Every attempt
/// is recorded as an <see cref="AppointmentMessage"/>: what was sent, to whom, when, and the provider's error if it
/// failed, so a failed send stays visible and can be repeated.
/// </summary>
public sealed class AppointmentNotifier(IEmailSender email, ISmsSender sms, TimeProvider clock, ILogger<AppointmentNotifier>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<AppointmentNotifier>.Instance;

    public static string ScheduledText(Appointment a) =>
        $"Sayın {a.RequesterName}, Belediye Başkanımız ile randevunuz {Format(a.ScheduledAt!.Value)} olarak planlanmıştır. " +
        $"Yer: Başkanlık Makamı. {MonthlyProgramme.Organisation} Özel Kalem";

    public static string DeclinedText(Appointment a) =>
        $"Sayın {a.RequesterName}, Belediye Başkanımızla görüşme talebiniz değerlendirildi: {a.Note} {MonthlyProgramme.Organisation} Özel Kalem";

    private static string Format(DateTime utc) => IstanbulTime.ToLocal(utc).ToString("d MMMM yyyy dddd, HH:mm", TurkishText.Culture);

    /// <summary>Sends to the appointment's mobile number and e-mail address; adds a message row per attempt to <paramref name="db"/> (the caller saves).</summary>
    public async Task<IReadOnlyList<SendOutcome>> SendAsync(IntranetDbContext db, Appointment a, string subject, string text, string sentBy, CancellationToken ct)
    {
        var outcomes = new List<SendOutcome>();
        if (PhoneNumber.Normalize(a.Phone) is { } phone && phone.StartsWith("05", StringComparison.Ordinal))
            outcomes.Add(await TryAsync(MessageChannel.Sms, phone, () => sms.SendAsync(phone, text, MessageKind.Appointment, ct)));
        if (EmailAddress.IsValid(a.Email))
        {
            var to = a.Email!.Trim();
            outcomes.Add(await TryAsync(MessageChannel.EPosta, to, () => email.SendAsync(new EmailMessage([to], subject, text, MessageKind.Appointment), ct)));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.AppointmentMessages.AddRange(outcomes.Select(o => new AppointmentMessage
        {
            AppointmentId = a.Id, Channel = o.Channel, Recipient = o.Recipient, Text = text, At = now, Sent = o.Sent, Error = o.Error, SentBy = sentBy,
        }));
        return outcomes;
    }

    private async Task<SendOutcome> TryAsync(MessageChannel channel, string recipient, Func<Task> send)
    {
        try
        {
            await send();
            return new SendOutcome(channel, recipient, true, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.LogWarning(ex, "Appointment message by {Channel} failed", channel);
            return new SendOutcome(channel, recipient, false, $"{channel.Name()} gönderilemedi: {ex.Message}");
        }
    }
}
