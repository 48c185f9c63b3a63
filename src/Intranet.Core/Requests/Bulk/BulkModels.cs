namespace Intranet.Core.Requests;

/// <summary>
/// Which requests a bulk action is for: the rows the user ticked (<see cref="Ids"/>, with the <see cref="Versions"/>
/// they saw, so a row someone changed meanwhile becomes a conflict), or every request matching a list filter.
/// </summary>
public sealed record BulkSelection(IReadOnlyList<int>? Ids = null, RequestFilter? Filter = null, IReadOnlyDictionary<int, Guid>? Versions = null)
{
    public static BulkSelection Of(IEnumerable<RequestListRow> rows)
    {
        var list = rows.ToList();
        return new BulkSelection(list.Select(r => r.Id).ToList(), null, list.ToDictionary(r => r.Id, r => r.Version));
    }

    public static BulkSelection Matching(RequestFilter filter) => new(null, filter);
}

public enum BulkItemOutcome
{
    Done,
    /// <summary>The user may not do this to this request, or the workflow does not allow it now.</summary>
    Refused,
    /// <summary>Someone else changed the request after the user saw it.</summary>
    Conflict,
    /// <summary>Not reached: the user stopped the run.</summary>
    NotProcessed,
}

/// <summary>What happened to one request. <see cref="Number"/> is null for a request the user may not see (its number is not theirs to know).</summary>
public sealed record BulkItemResult(int Id, string? Number, BulkItemOutcome Outcome, string? Message)
{
    public string Label => Number ?? $"#{Id}";
}

/// <summary>Progress after each batch.</summary>
public sealed record BulkProgress(int Processed, int Total, int Done, int NotDone)
{
    public double Percent => Total == 0 ? 100 : 100.0 * Processed / Total;
}

/// <summary>The outcome of a bulk action, request by request.</summary>
public sealed record BulkResult(string Action, IReadOnlyList<BulkItemResult> Items, bool Cancelled)
{
    public int Total => Items.Count;
    public int DoneCount => Items.Count(i => i.Outcome == BulkItemOutcome.Done);
    public IReadOnlyList<BulkItemResult> NotDone => Items.Where(i => i.Outcome is BulkItemOutcome.Refused or BulkItemOutcome.Conflict).ToList();
    public int NotProcessedCount => Items.Count(i => i.Outcome == BulkItemOutcome.NotProcessed);

    public string Summary =>
        $"{Action}: {DoneCount:N0} başvuruda yapıldı" +
        (NotDone.Count > 0 ? $", {NotDone.Count:N0} başvuruda yapılamadı" : "") +
        (Cancelled ? $"; durduruldu, {NotProcessedCount:N0} başvuruya dokunulmadı" : "") + ".";
}
