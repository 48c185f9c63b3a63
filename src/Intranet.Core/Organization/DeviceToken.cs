using Intranet.Core.Common;
using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intranet.Core.Organization;

/// <summary>
/// A long-lived sign-in for an unattended screen (the wall display), created and revoked by Admin. Only the SHA-256 of
/// the secret is stored; the secret itself is shown once, inside the link the screen opens.
/// </summary>
public class DeviceToken : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>The WallDisplay account the screen signs in as.</summary>
    public int UserId { get; set; }
    public AppUser? User { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastSeenAt { get; set; }
    public Guid Version { get; set; }
}

internal sealed class DeviceTokenConfiguration : IEntityTypeConfiguration<DeviceToken>
{
    public void Configure(EntityTypeBuilder<DeviceToken> b)
    {
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(160);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record DeviceTokenRow(int Id, string Name, string User, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, DateTime? LastSeenAt);

/// <summary>Creates, checks and revokes device tokens. Creating and revoking are Admin's; checking is the sign-in's.</summary>
public sealed class DeviceTokenService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<DeviceTokenRow>> ListAsync(CancellationToken ct = default)
    {
        DemandAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DeviceTokens.AsNoTracking().OrderByDescending(t => t.CreatedAt)
            .Select(t => new DeviceTokenRow(t.Id, t.Name, t.User!.DisplayName, t.CreatedAt, t.CreatedBy, t.RevokedAt, t.LastSeenAt))
            .ToListAsync(ct);
    }

    /// <summary>Creates a token for a WallDisplay account and returns its secret (shown to Admin once, never stored).</summary>
    public async Task<string> CreateAsync(string name, int userId, CancellationToken ct = default)
    {
        DemandAdmin();
        if (string.IsNullOrWhiteSpace(name)) throw new ValidationException("Ekranın adını yazın (ör. \"Başkanlık katı duvar ekranı\").");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.IsActive, ct)
            ?? throw new ValidationException("Cihaz hesabı bulunamadı.");
        if (!user.RoleList().Contains(Roles.WallDisplay))
            throw new ValidationException("Cihaz anahtarı yalnızca Duvar Ekranı rolündeki bir hesaba verilebilir.");
        var secret = SecretToken.New();
        db.DeviceTokens.Add(new DeviceToken
        {
            Name = name.Trim(), TokenHash = Hash(secret), UserId = userId,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = currentUser.User.Name,
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task RevokeAsync(int id, CancellationToken ct = default)
    {
        DemandAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.DeviceTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null || token.RevokedAt is not null) return;
        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The active token with this secret and its account, or null; records when the screen was last seen.</summary>
    public async Task<(int TokenId, AppUser User)?> SignInAsync(string? secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret)) return null;
        var hash = Hash(secret.Trim());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.DeviceTokens.Include(t => t.User).ThenInclude(u => u!.Directorate)
            .SingleOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, ct);
        if (token?.User is not { IsActive: true } user) return null;
        token.LastSeenAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (token.Id, user);
    }

    public async Task<bool> IsActiveAsync(int tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DeviceTokens.AnyAsync(t => t.Id == tokenId && t.RevokedAt == null && t.User!.IsActive, ct);
    }

    internal static string Hash(string secret) => SecretToken.Hash(secret);

    private void DemandAdmin()
    {
        if (!Policies.Allows(Policies.Admin, currentUser.User)) throw new AccessDeniedException();
    }
}
