using Intranet.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Common;

/// <summary>
/// Gap-free numbers per year (request numbers, the correspondence register's sayı): the next number is the year's
/// highest stored sequence + 1, read and inserted in one transaction, so a rolled-back save leaves no gap; a unique
/// index on (scope columns, year, sequence) is the final guard, and a save that lost the race retries with the next.
/// Writers of one scope are serialised first, so many concurrent savers do not turn into a storm of retries:
/// SQLite's transactions already take the write lock at BEGIN (BEGIN IMMEDIATE); PostgreSQL takes a transaction-scoped
/// advisory lock on the scope; SQL Server relies on the unique index and the retries.
/// </summary>
public static class YearlySequence
{
    /// <summary>Attempts before giving up; with the lock a retry only happens on SQL Server under contention.</summary>
    public const int MaxAttempts = 40;

    /// <summary>
    /// Saves what <paramref name="assign"/> adds, numbered with the next sequence of <paramref name="sequencesOfYear"/>.
    /// <paramref name="assign"/> runs once per attempt with the number to use; <paramref name="beforeRetry"/> undoes
    /// what an attempt added that must not be added twice (audit rows written by the context are removed here).
    /// Returns the sequence saved.
    /// </summary>
    public static async Task<int> SaveNextAsync(IntranetDbContext db, string scope, IQueryable<int> sequencesOfYear,
        Action<int> assign, CancellationToken ct, Action? beforeRetry = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({LockKey(scope)})", ct);
            var next = (await sequencesOfYear.MaxAsync(s => (int?)s, ct) ?? 0) + 1;
            assign(next);
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return next;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Entries().Where(e => e.Entity is Auditing.AuditEntry).ToList().ForEach(e => e.State = EntityState.Detached);
                beforeRetry?.Invoke();
                // A short random pause, so two losers do not collide again on the very next number.
                await Task.Delay(Random.Shared.Next(2, 15 * Math.Min(attempt, 6)), ct);
            }
        }
    }

    /// <summary>A stable 64-bit key for the scope (FNV-1a): string.GetHashCode differs between processes.</summary>
    internal static long LockKey(string scope)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in scope)
        {
            hash ^= ch;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}
