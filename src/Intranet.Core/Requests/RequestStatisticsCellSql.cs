using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>
/// The two statements <see cref="RequestStatisticsCells"/> needs that EF Core cannot write: an upsert that returns
/// the locked row's histogram and open deadlines, and their rewrite. SQLite and PostgreSQL share INSERT … ON CONFLICT …
/// RETURNING; SQL Server gets MERGE … WITH (HOLDLOCK) … OUTPUT (written to its documentation, not run here: there is
/// no SQL Server on these machines).
/// </summary>
internal sealed class CellSql(bool sqlServer)
{
    private const string Table = "RequestStatisticsCells";
    private static readonly string[] KeyColumns = ["Scope", "Dimension", "Month", "Key"];

    public static CellSql For(DbContext db) => new(db.Database.ProviderName?.EndsWith(".SqlServer", StringComparison.Ordinal) == true);

    private string Q(string name) => sqlServer ? $"[{name}]" : $"\"{name}\"";

    /// <summary>Adds each cell's total (creating missing cells with an empty histogram) and returns key and histogram.</summary>
    public DbCommand Upsert(DbConnection connection, DbTransaction transaction, IReadOnlyList<(int Scope, StatisticsDimension Dimension, DateOnly Month, int Key, int Total, int Forwarded)> cells)
    {
        var command = Create(connection, transaction);
        var values = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            var (scope, dimension, month, key, total, forwarded) = cells[i];
            if (i > 0) values.Append(", ");
            values.Append(CultureInfo.InvariantCulture, $"(@s{i}, @d{i}, @m{i}, @k{i}, @t{i}, @f{i}{(sqlServer ? "" : ", @empty, @empty")})");
            Add(command, $"@s{i}", scope);
            Add(command, $"@d{i}", (int)dimension);
            Add(command, $"@m{i}", month);
            Add(command, $"@k{i}", key);
            Add(command, $"@t{i}", total);
            Add(command, $"@f{i}", forwarded);
        }
        var keys = string.Join(", ", KeyColumns.Select(Q));
        if (sqlServer)
        {
            var on = string.Join(" AND ", KeyColumns.Select(c => $"t.{Q(c)} = v.{Q(c)}"));
            command.CommandText = $"""
                MERGE {Q(Table)} WITH (HOLDLOCK) AS t
                USING (VALUES {values}) AS v ({keys}, [Total], [Forwarded]) ON {on}
                WHEN MATCHED THEN UPDATE SET [Total] = t.[Total] + v.[Total], [Forwarded] = t.[Forwarded] + v.[Forwarded]
                WHEN NOT MATCHED THEN INSERT ({keys}, [Total], [Forwarded], [Histogram], [OpenDue]) VALUES (v.[Scope], v.[Dimension], v.[Month], v.[Key], v.[Total], v.[Forwarded], 0x, 0x)
                OUTPUT inserted.[Scope], inserted.[Dimension], inserted.[Month], inserted.[Key], inserted.[Histogram], inserted.[OpenDue];
                """;
            return command;
        }
        Add(command, "@empty", Array.Empty<byte>());
        command.CommandText = $"""
            INSERT INTO {Q(Table)} ({keys}, "Total", "Forwarded", "Histogram", "OpenDue") VALUES {values}
            ON CONFLICT ({keys}) DO UPDATE SET "Total" = {Q(Table)}."Total" + excluded."Total", "Forwarded" = {Q(Table)}."Forwarded" + excluded."Forwarded"
            RETURNING {keys}, "Histogram", "OpenDue"
            """;
        return command;
    }

    public DbCommand UpdateBlobs(DbConnection connection, DbTransaction transaction, int scope, StatisticsDimension dimension, DateOnly month, int key,
        byte[] histogram, byte[] openDue)
    {
        var command = Create(connection, transaction);
        command.CommandText = $"UPDATE {Q(Table)} SET {Q("Histogram")} = @h, {Q("OpenDue")} = @o WHERE {string.Join(" AND ", KeyColumns.Select(c => $"{Q(c)} = @{c}"))}";
        Add(command, "@h", histogram);
        Add(command, "@o", openDue);
        Add(command, "@Scope", scope);
        Add(command, "@Dimension", (int)dimension);
        Add(command, "@Month", month);
        Add(command, "@Key", key);
        return command;
    }

    private static DbCommand Create(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
