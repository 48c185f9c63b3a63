using System.Diagnostics;
using Intranet.Core.Dashboard;
using Intranet.Core.Data;
using Intranet.Core.Requests;
using Intranet.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Web.Setup;

/// <summary>
/// For the live-dashboard benchmark only (<c>Bench:Enabled</c>, never in Production): a GET that makes one real change
/// through the request service, so circuit-load can time change-to-screen latency; the current snapshot version (to
/// tell whether any screen fell behind); and the managed heap after a full collection (memory per circuit).
/// </summary>
public static class BenchEndpoints
{
    public static void MapBenchEndpoints(this WebApplication app)
    {
        if (app.Environment.IsProduction() || !app.Configuration.GetValue("Bench:Enabled", false)) return;
        // Steps go round-robin over the newest in-progress requests, so a burst of concurrent changes (100/s in
        // bench/run-dashboard-bench.sh) does not collide on one row's concurrency token.
        int[]? targets = null;
        int[]? directorates = null;
        (int Neighbourhood, int Category)[]? places = null;
        var next = -1;
        // kind: "intake" (a new web request: every card moves), "route" (one request re-routed to the next directorate
        // and later back: the directorate figures move) or "note" (a note: no figure moves, no screen updates).
        app.MapGet("/bench/degisiklik", async (IServiceScopeFactory scopes, string? k, string? kind, CancellationToken ct) =>
        {
            await using var scope = scopes.CreateSystemScope();
            var requests = scope.ServiceProvider.GetRequiredService<RequestService>();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<IntranetDbContext>>().CreateDbContextAsync(ct);
            var n = (uint)Interlocked.Increment(ref next);
            if (kind is null or "intake")
            {
                if (places is null)
                {
                    var neighbourhoods = await db.Neighbourhoods.Where(x => x.IsActive).Select(x => x.Id).ToListAsync(ct);
                    // Categories the form takes without more: no stop-warning (gas leak → İGDAŞ), no required question.
                    var categories = await db.Categories
                        .Where(c => c.IsActive && (c.StopWarning == null || c.StopWarning == "")
                                    && !db.Set<CategoryQuestion>().Any(q => q.CategoryId == c.Id && q.Required))
                        .Select(c => c.Id).ToListAsync(ct);
                    places = categories.SelectMany(c => neighbourhoods.Select(x => (x, c))).ToArray();
                }
                var (neighbourhood, category) = places[n % places.Length];
                await requests.CreateAsync(new IntakeForm
                {
                    Channel = RequestChannel.Web, CitizenName = "Ölçüm Vatandaşı", Email = "olcum@example.com",
                    NeighbourhoodId = neighbourhood, CategoryId = category, Text = $"Ölçüm başvurusu {k}: kaldırım onarımı.",
                }, ct);
                return Results.Ok();
            }
            targets ??= await db.Requests.Where(r => r.Status == RequestStatus.Islemde).OrderByDescending(r => r.Id)
                .Select(r => r.Id).Take(1000).ToArrayAsync(ct);
            directorates ??= await db.Directorates.Where(d => d.IsActive).OrderBy(d => d.Id).Select(d => d.Id).ToArrayAsync(ct);
            var id = targets[n % (uint)targets.Length];
            var target = await db.Requests.Where(r => r.Id == id).Select(r => new { r.Id, r.Version, r.DirectorateId }).FirstAsync(ct);
            var step = kind == "route"
                ? new RequestStep(target.Id, target.Version, RequestAction.Route, $"Ölçüm {k}",
                    DirectorateId: directorates[(Array.IndexOf(directorates, target.DirectorateId ?? directorates[0]) + 1) % directorates.Length])
                : new RequestStep(target.Id, target.Version, RequestAction.EditNote, $"Ölçüm {k}");
            await requests.ApplyAsync(step, ct);
            return Results.Ok();
        }).AllowAnonymous();

        app.MapGet("/bench/surum", async (DashboardAggregator aggregator) =>
            Results.Ok(new { version = (await aggregator.GetAsync(DashboardScope.Municipality)).Version })).AllowAnonymous();

        app.MapGet("/bench/bellek", () =>
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            // JIT figures too: methods still being compiled in a steady state are CPU a benchmark should know about.
            return Results.Ok(new
            {
                heap_bytes = GC.GetTotalMemory(false), rss_bytes = process.WorkingSet64,
                jit_methods = System.Runtime.JitInfo.GetCompiledMethodCount(), jit_ms = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
            });
        }).AllowAnonymous();
    }
}
