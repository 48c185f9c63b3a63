using System.Text.RegularExpressions;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Muhtars;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Correspondence;

/// <summary>The register's search: by number, party, subject and date; every field optional.</summary>
public sealed record RegisterFilter
{
    public RegisterDirection? Direction { get; init; }
    /// <summary>A register number ("GLN-2026-00012"), or words of the party, subject or sender's number.</summary>
    public string? Text { get; init; }
    /// <summary>Istanbul days of registration, inclusive.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? DirectorateId { get; init; }
    public bool OpenOnly { get; init; }
}

public sealed record RegisterRow(int Id, string Number, RegisterDirection Direction, DateOnly DocumentDate, DateTime RegisteredAt, string PartyName,
    string Subject, string? Directorate, DateOnly? DueOn, bool IsOverdue, bool Completed, int Attachments);

public sealed record RegisterAttachmentInfo(int Id, string FileName, long Size);

public sealed record RegisterDetail(RegisterEntry Entry, string? Directorate, string? RequestNumber, string? Muhtar, string? Template,
    IReadOnlyList<RegisterAttachmentInfo> Attachments, bool CanRegister, bool CanComplete);

public sealed record RegisterFile(string FileName, string ContentType, byte[] Content);

/// <summary>The read side of the register, scoped by <see cref="RegisterAccess.VisibleTo"/>.</summary>
public sealed partial class RegisterQueries(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private UserContext User => currentUser.User;

    public async Task<PagedResult<RegisterRow>> SearchAsync(RegisterFilter filter, int page = 0, int pageSize = 25, CancellationToken ct = default)
    {
        RegisterAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = IstanbulTime.Today(clock.GetUtcNow().UtcDateTime);
        var query = db.RegisterEntries.AsNoTracking().VisibleTo(User);
        if (filter.Direction is { } direction) query = query.Where(e => e.Direction == direction);
        if (filter.From is { } from) query = query.Where(e => e.RegisteredOn >= from);
        if (filter.To is { } to) query = query.Where(e => e.RegisteredOn <= to);
        if (filter.DirectorateId is { } dir) query = query.Where(e => e.DirectorateId == dir);
        if (filter.OpenOnly) query = query.Where(e => e.DirectorateId != null && e.CompletedAt == null);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var number = NumberPattern().Match(text);
            if (number.Success)
            {
                var exact = $"{number.Groups[1].Value.ToUpperInvariant()}-{number.Groups[2].Value}-{int.Parse(number.Groups[3].Value):D5}";
                query = query.Where(e => e.Number == exact);
            }
            else
            {
                var key = TurkishText.Fold(text);
                query = query.Where(e => e.SearchKey.Contains(key));
            }
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.RegisteredAt).ThenByDescending(e => e.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(e => new RegisterRow(e.Id, e.Number, e.Direction, e.DocumentDate, e.RegisteredAt, e.PartyName, e.Subject,
                db.Directorates.Where(d => d.Id == e.DirectorateId).Select(d => d.Name).FirstOrDefault(), e.DueOn,
                e.DirectorateId != null && e.CompletedAt == null && e.DueOn < today, e.CompletedAt != null, e.Attachments.Count))
            .ToListAsync(ct);
        return new PagedResult<RegisterRow>(rows, total);
    }

    public async Task<RegisterDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        RegisterAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.RegisterEntries.AsNoTracking().VisibleTo(User).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null) return null;
        var attachments = await db.RegisterAttachments.AsNoTracking().Where(a => a.EntryId == id).OrderBy(a => a.Id)
            .Select(a => new RegisterAttachmentInfo(a.Id, a.FileName, a.Size)).ToListAsync(ct);
        return new RegisterDetail(entry,
            await db.Directorates.Where(d => d.Id == entry.DirectorateId).Select(d => d.Name).FirstOrDefaultAsync(ct),
            await db.Requests.Where(r => r.Id == entry.RequestId).Select(r => r.Number).FirstOrDefaultAsync(ct),
            await db.Muhtars.Where(m => m.Id == entry.MuhtarId).Select(m => m.FullName).FirstOrDefaultAsync(ct),
            await db.LetterTemplates.Where(t => t.Id == entry.TemplateId).Select(t => t.Name).FirstOrDefaultAsync(ct),
            attachments, RegisterAccess.CanRegister(User), RegisterAccess.CanComplete(User, entry));
    }

    /// <summary>A scan, only for someone who may see its entry.</summary>
    public async Task<RegisterFile?> AttachmentAsync(int attachmentId, CancellationToken ct = default)
    {
        RegisterAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.RegisterEntries.VisibleTo(User);
        return await db.RegisterAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && visible.Any(e => e.Id == a.EntryId))
            .Select(a => new RegisterFile(a.FileName, a.ContentType, a.Content)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The templates to write from (active ones), or all of them for editing.</summary>
    public async Task<IReadOnlyList<LetterTemplate>> TemplatesAsync(bool includeInactive = false, CancellationToken ct = default)
    {
        RegisterAccess.DemandRead(User);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.LetterTemplates.AsNoTracking().Where(t => includeInactive || t.IsActive).ToListAsync(ct);
        return list.OrderBy(t => t.Name, TurkishText.Comparer).ToList();
    }

    [GeneratedRegex(@"^(GLN|GDN)[-/ ](20\d\d)[-/ ](\d{1,6})$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();
}
