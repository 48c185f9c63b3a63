using Intranet.Core.Common;

namespace Intranet.Core.Calendar;

/// <summary>A randevu request as Özel Kalem takes it down (by phone, e-mail, the web form, or at the door).</summary>
public sealed class AppointmentForm
{
    public string? RequesterName { get; set; }
    public string? Institution { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Subject { get; set; }
    public string? PreferredDates { get; set; }
    public AppointmentChannel Channel { get; set; } = AppointmentChannel.Telefon;
    public int DurationMinutes { get; set; } = 30;

    public IReadOnlyDictionary<string, string> Validate(bool walkIn)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(RequesterName)) errors[nameof(RequesterName)] = "Randevu isteyenin adını yazın.";
        else if (RequesterName.Trim().Length > 160) errors[nameof(RequesterName)] = "Ad en fazla 160 karakter olabilir.";
        if (Institution?.Trim().Length > 200) errors[nameof(Institution)] = "Kurum adı en fazla 200 karakter olabilir.";
        if (string.IsNullOrWhiteSpace(Subject)) errors[nameof(Subject)] = "Görüşme konusunu yazın.";
        else if (Subject.Trim().Length > 1000) errors[nameof(Subject)] = "Konu en fazla 1000 karakter olabilir.";
        if (PreferredDates?.Trim().Length > 500) errors[nameof(PreferredDates)] = "Tercih edilen tarihler en fazla 500 karakter olabilir.";
        if (!string.IsNullOrWhiteSpace(Phone) && PhoneNumber.Normalize(Phone) is null)
            errors[nameof(Phone)] = "Telefon numarası geçersiz; 0532 123 45 67 biçiminde yazın.";
        if (!string.IsNullOrWhiteSpace(Email) && !EmailAddress.IsValid(Email)) errors[nameof(Email)] = "E-posta adresi geçersiz.";
        // The requester is told the date by SMS or e-mail; someone at the door is told in person.
        if (!walkIn && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Email))
            errors[nameof(Phone)] = "Randevunun bildirilebilmesi için telefon veya e-posta girin.";
        if (DurationMinutes is < 10 or > 240) errors[nameof(DurationMinutes)] = "Görüşme süresi 10 ile 240 dakika arasında olmalı.";
        return errors;
    }
}

public static class AppointmentText
{
    public static string Name(this AppointmentStatus status) => status switch
    {
        AppointmentStatus.Bekliyor => "Bekleyen",
        AppointmentStatus.Planlandi => "Planlanan",
        AppointmentStatus.Gorusuldu => "Görüşülen",
        AppointmentStatus.Reddedildi => "Reddedilen",
        _ => status.ToString(),
    };

    public static string Name(this AppointmentChannel channel) => channel switch
    {
        AppointmentChannel.Telefon => "Telefon",
        AppointmentChannel.EPosta => "E-posta",
        AppointmentChannel.Web => "Web",
        AppointmentChannel.Ziyaret => "Ziyaret (kapıdan)",
        _ => channel.ToString(),
    };

    public static string Name(this MessageChannel channel) => channel == MessageChannel.Sms ? "SMS" : "E-posta";
}
