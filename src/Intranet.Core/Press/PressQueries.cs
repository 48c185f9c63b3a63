using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Press;

public sealed record ClippingRow(int Id, string Title, string? Source, Tone Tone, string? Topic, DateTime PublishedAt, string? Url, bool NeedsAnswer);

/// <summary>The press office's reading of the clippings archive.</summary>
public sealed class PressQueries(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<ClippingRow>> LatestAsync(Tone? tone, int take = 100, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Press, currentUser.User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.PressClippings.AsNoTracking();
        if (tone is { } t) query = query.Where(c => c.Tone == t);
        return await query.OrderByDescending(c => c.PublishedAt).Take(take)
            .Select(c => new ClippingRow(c.Id, c.Title, c.Source != null ? c.Source.Name : null, c.Tone, c.Topic, c.PublishedAt, c.Url, c.NeedsAnswer))
            .ToListAsync(ct);
    }
}

public static class ToneText
{
    public static string Name(this Tone tone) => tone switch
    {
        Tone.Olumlu => "Olumlu",
        Tone.Olumsuz => "Olumsuz",
        _ => "Nötr",
    };
}
