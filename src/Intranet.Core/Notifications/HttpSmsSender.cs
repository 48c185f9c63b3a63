using System.Net.Http.Headers;
using System.Net.Http.Json;
using Intranet.Core.Common;

namespace Intranet.Core.Notifications;

/// <summary>The SMS operator's HTTP API (config section <c>Notifications:Sms</c>); each deployment has its own.</summary>
public sealed record SmsOptions
{
    public const string Section = "Notifications:Sms";

    public string? Url { get; init; }
    public string? ApiKey { get; init; }
    /// <summary>The originator (başlık) the operator registered for the municipality.</summary>
    public string? Sender { get; init; }

    public bool IsConfigured => Uri.TryCreate(Url, UriKind.Absolute, out _);
}

/// <summary>
/// Posts <c>{ "to": "905321234567", "text": "…", "sender": "…" }</c> with a bearer key; any non-success status
/// throws, so the caller records the failure instead of believing it was sent.
/// </summary>
public sealed class HttpSmsSender(HttpClient http, SmsOptions options) : ISmsSender
{
    public async Task SendAsync(string phone, string text, MessageKind kind, CancellationToken ct = default)
    {
        if (!options.IsConfigured) throw new MessagingNotConfiguredException(NotConfiguredSmsSender.Error);
        var to = ToInternational(phone) ?? throw new ArgumentException($"SMS için geçersiz telefon numarası: {PhoneNumber.Mask(PhoneNumber.Normalize(phone))}", nameof(phone));

        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = JsonContent.Create(new SmsPayload(to, text, options.Sender ?? "")),
        };
        if (!string.IsNullOrEmpty(options.ApiKey))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"SMS sağlayıcısı isteği reddetti: HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
    }

    /// <summary>"05321234567" → "905321234567", the form operators expect; null when not a Turkish number.</summary>
    public static string? ToInternational(string? phone) =>
        PhoneNumber.Normalize(phone) is { } normalized ? "90" + normalized[1..] : null;

    private sealed record SmsPayload(
        [property: System.Text.Json.Serialization.JsonPropertyName("to")] string To,
        [property: System.Text.Json.Serialization.JsonPropertyName("text")] string Text,
        [property: System.Text.Json.Serialization.JsonPropertyName("sender")] string Sender);
}
