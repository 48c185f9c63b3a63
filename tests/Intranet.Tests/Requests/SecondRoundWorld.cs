using Intranet.Core.Common;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests;

/// <summary>The second round's services on a <see cref="RequestWorld"/>, wired as the app wires them.</summary>
public static class SecondRoundWorld
{
    public static BulkRequestService Bulk(this RequestWorld world, UserContext user) =>
        new(world.Database.Factory(user), new FixedCurrentUser(user), world.Service(user), world.Changes, world.Clock);

    public static LegalPathService Legal(this RequestWorld world, UserContext user) =>
        new(world.Database.Factory(user), new FixedCurrentUser(user), world.Changes, world.Clock);

    public static CategoryIntakeService Intake(this RequestWorld world, UserContext user) =>
        new(world.Database.Factory(user), new FixedCurrentUser(user));

    public static RequestExtras Extras(this RequestWorld world, UserContext user) =>
        new(world.Database.Factory(user), new FixedCurrentUser(user));

    public static RequestExport Export(this RequestWorld world, UserContext user) =>
        new(world.Database.Factory(user), new FixedCurrentUser(user), world.Clock);

    /// <summary>
    /// Writes <paramref name="count"/> routed requests of a directorate straight to the database (no audit: they are
    /// the starting state, not anyone's change) and returns their ids in order.
    /// </summary>
    public static async Task<List<int>> SeedRoutedAsync(this RequestWorld world, string directorateCode, int count, int firstSequence)
    {
        await using var db = world.Database.Create(UserContext.System);
        db.AuditingSuspended = true;
        var category = world.CategoryOf(directorateCode);
        var neighbourhood = world.NeighbourhoodId("Çağlayan");
        var now = world.Clock.GetUtcNow().UtcDateTime;
        var requests = Enumerable.Range(firstSequence, count).Select(seq => new Request
        {
            Number = RequestNumber.Format(2026, seq), Year = 2026, Sequence = seq, Type = RequestType.Sikayet, Channel = RequestChannel.Web,
            Status = RequestStatus.HavaleEdildi, Text = $"Toplu deneme başvurusu {seq}", NeighbourhoodId = neighbourhood, CategoryId = category.Id,
            DirectorateId = category.DefaultDirectorateId, CreatedAt = now.AddDays(-1), CreatedOn = IstanbulTime.Today(now.AddDays(-1)),
            DueAt = now.AddDays(5), AnswerDueAt = now.AddDays(5), RoutedAt = now.AddDays(-1), UpdatedAt = now.AddDays(-1),
        }).ToList();
        db.Requests.AddRange(requests);
        await db.SaveChangesAsync();
        // Saved without the upkeep of the statistics cells, like the demo seeds: rebuilt the way they do it.
        await RequestStatisticsCells.RebuildAsync(db);
        return requests.Select(r => r.Id).ToList();
    }
}

/// <summary>Collects progress reports as they come, on the reporting thread (no posting, unlike Progress&lt;T&gt;).</summary>
public sealed class RecordingProgress(Action<BulkProgress>? onReport = null) : IProgress<BulkProgress>
{
    public List<BulkProgress> Reports { get; } = [];

    public void Report(BulkProgress value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
