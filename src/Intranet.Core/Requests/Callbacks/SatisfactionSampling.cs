using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests.Callbacks;

/// <summary>
/// Which answered requests are called back. The choice is a hash of the request number, not a random draw: the same
/// request is always in or out (a retry or a test gives the same queue), nobody at the desk can steer it, and over
/// many requests the share matches <see cref="SatisfactionOptions.SharePercent"/>.
/// </summary>
public static class SatisfactionSampling
{
    /// <summary>0–99 from the FNV-1a hash of the number; sampled when below the share.</summary>
    public static int Bucket(string number)
    {
        var hash = 2166136261u;
        foreach (var c in number)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)(hash % 100);
    }

    public static bool IsSampled(string number, int sharePercent) => Bucket(number) < Math.Clamp(sharePercent, 0, 100);

    /// <summary>
    /// Called in the answer step's unit of work: a sampled request whose citizen has a phone gets a waiting callback,
    /// unless one is already waiting.
    /// </summary>
    internal static async Task EnqueueIfSampledAsync(IntranetDbContext db, Request request, SatisfactionOptions? options, DateTime now, CancellationToken ct)
    {
        if (options is null || !IsSampled(request.Number, options.SharePercent)) return;
        if (request.Citizen is not { AnonymizedAt: null } citizen || PhoneNumber.Normalize(citizen.Phone) is null) return;
        if (await db.SatisfactionCallbacks.AnyAsync(c => c.RequestId == request.Id && c.Status == CallbackStatus.Bekliyor, ct)) return;
        db.SatisfactionCallbacks.Add(new SatisfactionCallback { Request = request, SampledAt = now, Status = CallbackStatus.Bekliyor });
    }
}
