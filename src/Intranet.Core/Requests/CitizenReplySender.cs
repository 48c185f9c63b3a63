using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Intranet.Core.Requests;

/// <summary>
/// Sends the citizen's answer by SMS or e-mail through the same providers as escalations. Returns a Turkish message
/// for the person answering when it could not be sent, null when it went out (or the channel is not one we send:
/// telephone, letter, CİMER). The answer step records channel and time itself.
/// </summary>
public sealed class CitizenReplySender(
    IDbContextFactory<IntranetDbContext> dbFactory,
    ICurrentUser currentUser,
    IEmailSender email,
    ISmsSender sms,
    ILogger<CitizenReplySender>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<CitizenReplySender>.Instance;

    public async Task<string?> SendAsync(int requestId, string replyText, ReplyChannel channel, CancellationToken ct = default)
    {
        if (channel is not (ReplyChannel.Sms or ReplyChannel.EPosta)) return null;
        if (string.IsNullOrWhiteSpace(replyText)) return "Gönderilecek cevap metni boş.";

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Scoped like every request query: a user can only message citizens of requests they may see.
        var request = await db.Requests.AsNoTracking().VisibleTo(currentUser.User).Where(r => r.Id == requestId)
            .Select(r => new { r.Number, Citizen = r.Citizen })
            .SingleOrDefaultAsync(ct);
        if (request is null) return "Başvuru bulunamadı ya da bu başvuruyu görme yetkiniz yok.";
        if (request.Citizen is not { AnonymizedAt: null } citizen) return "Başvurunun kayıtlı bir başvuru sahibi yok; cevap gönderilemez.";

        try
        {
            if (channel == ReplyChannel.Sms)
            {
                // Only mobile numbers (05xx) receive SMS; a landline would fail at the operator.
                if (PhoneNumber.Normalize(citizen.Phone) is not { } phone || !phone.StartsWith("05", StringComparison.Ordinal))
                    return "Başvuru sahibinin kayıtlı cep telefonu yok; SMS gönderilemez.";
                await sms.SendAsync(phone, $"{request.Number} numaralı başvurunuz hakkında: {replyText.Trim()}", MessageKind.CitizenReply, ct);
            }
            else
            {
                if (!EmailAddress.IsValid(citizen.Email)) return "Başvuru sahibinin geçerli bir e-posta adresi yok; e-posta gönderilemez.";
                await email.SendAsync(new EmailMessage([citizen.Email!.Trim()], $"{request.Number} numaralı başvurunuz hakkında",
                    $"""
                    Sayın {citizen.FullName},

                    {request.Number} numaralı başvurunuz hakkında cevabımız:

                    {replyText.Trim()}

                    Bilgilerinize sunarız.
                    """, MessageKind.CitizenReply), ct);
            }
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.LogWarning(ex, "Citizen reply for request {Number} by {Channel} failed", request.Number, channel);
            var what = channel == ReplyChannel.Sms ? "SMS" : "E-posta";
            return $"{what} gönderilemedi: {ex.Message}";
        }
    }
}
