using Intranet.Core.Data;
using Intranet.Core.Requests;
using Intranet.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Web.Setup;

/// <summary>
/// For the live-dashboard benchmark only (<c>Bench:Enabled</c>, never in Production): a GET that makes one real change
/// to a request through the request service, so circuit-load can time change-to-screen latency.
/// </summary>
public static class BenchEndpoints
{
    public static void MapBenchEndpoints(this WebApplication app)
    {
        if (app.Environment.IsProduction() || !app.Configuration.GetValue("Bench:Enabled", false)) return;
        // Changes go round-robin over the newest in-progress requests, so a burst of concurrent changes (100/s in
        // bench/run-dashboard-bench.sh) does not collide on one row's concurrency token.
        int[]? targets = null;
        var next = -1;
        app.MapGet("/bench/degisiklik", async (IServiceScopeFactory scopes, string? k, CancellationToken ct) =>
        {
            await using var scope = scopes.CreateSystemScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<IntranetDbContext>>().CreateDbContextAsync(ct);
            targets ??= await db.Requests.Where(r => r.Status == RequestStatus.Islemde).OrderByDescending(r => r.Id)
                .Select(r => r.Id).Take(1000).ToArrayAsync(ct);
            var id = targets[(int)((uint)Interlocked.Increment(ref next) % (uint)targets.Length)];
            var target = await db.Requests.Where(r => r.Id == id).Select(r => new { r.Id, r.Version }).FirstAsync(ct);
            await scope.ServiceProvider.GetRequiredService<RequestService>()
                .ApplyAsync(new RequestStep(target.Id, target.Version, RequestAction.EditNote, $"Ölçüm {k}"), ct);
            return Results.Ok();
        }).AllowAnonymous();
    }
}
