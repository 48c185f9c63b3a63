namespace Intranet.Core.Common;

/// <summary>
/// An editable record with an optimistic-concurrency token. The token is a fresh GUID on every save
/// (set by <see cref="Data.IntranetDbContext"/>), which works the same on SQLite, SQL Server and PostgreSQL;
/// a save whose original token no longer matches fails with <c>DbUpdateConcurrencyException</c>.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

/// <summary>A record whose every insert, update and delete is written to the audit log.</summary>
public interface IAudited
{
    int Id { get; }
}
