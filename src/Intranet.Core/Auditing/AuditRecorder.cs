using System.Text.Json;
using Intranet.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Intranet.Core.Auditing;

/// <summary>Turns the change tracker's pending changes into audit rows and fresh concurrency tokens.</summary>
internal static class AuditRecorder
{
    internal sealed record PendingAudit(List<AuditEntry> Entries, List<AddedRecord> Added);

    /// <summary>An inserted record whose id is known only after the insert.</summary>
    internal sealed record AddedRecord(EntityEntry Entry, AuditEntry Audit)
    {
        public AuditEntry Complete()
        {
            Audit.EntityId = KeyOf(Entry);
            Audit.After = Snapshot(Entry, Entry.Properties, current: true);
            return Audit;
        }
    }

    public static PendingAudit Capture(DbContext db, UserContext actor, DateTime now)
    {
        db.ChangeTracker.DetectChanges();
        var entries = new List<AuditEntry>();
        var added = new List<AddedRecord>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is IVersioned versioned && entry.State is EntityState.Added or EntityState.Modified)
                versioned.Version = Guid.NewGuid();
            if (entry.Entity is not IAudited) continue;

            var row = new AuditEntry
            {
                At = now,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = "",
                Action = entry.State switch { EntityState.Added => AuditActions.Added, EntityState.Deleted => AuditActions.Deleted, _ => AuditActions.Updated },
                UserObjectId = actor.ObjectId,
                UserName = actor.Name,
            };
            switch (entry.State)
            {
                case EntityState.Added:
                    added.Add(new AddedRecord(entry, row));
                    continue;
                case EntityState.Deleted:
                    row.Before = Snapshot(entry, entry.Properties, current: false);
                    break;
                default:
                    var changed = entry.Properties.Where(p => p.IsModified && p.Metadata.Name != nameof(IVersioned.Version)).ToList();
                    if (changed.Count == 0) continue;
                    row.Before = Snapshot(entry, changed, current: false);
                    row.After = Snapshot(entry, changed, current: true);
                    break;
            }
            row.EntityId = KeyOf(entry);
            entries.Add(row);
        }
        return new PendingAudit(entries, added);
    }

    /// <summary>Only the concurrency tokens, for saves with auditing suspended (bulk seeding).</summary>
    public static void StampVersions(DbContext db)
    {
        // A bulk writer that turned auto-detection off has its entities in the right state already.
        if (db.ChangeTracker.AutoDetectChangesEnabled) db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.Version = Guid.NewGuid();
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private static string Snapshot(EntityEntry entry, IEnumerable<PropertyEntry> properties, bool current)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in properties)
        {
            // Computed columns (the folded search text) are the database's copy of other fields, not a change.
            if (p.Metadata.ClrType == typeof(byte[]) || p.Metadata.Name == nameof(IVersioned.Version) || p.Metadata.GetComputedColumnSql() is not null) continue;
            values[p.Metadata.Name] = current ? p.CurrentValue : p.OriginalValue;
        }
        return JsonSerializer.Serialize(values, AuditJson.Options);
    }
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>The Turkish action names shown in the audit log.</summary>
public static class AuditActions
{
    public const string Added = "Eklendi";
    public const string Updated = "Güncellendi";
    public const string Deleted = "Silindi";
    /// <summary>KVKK: someone opened a citizen's full personal data.</summary>
    public const string Viewed = "Görüntülendi";
}
