using Intranet.Tests.Infrastructure;
using Intranet.Web.Components.Shared;

namespace Intranet.Tests.Components;

public sealed class LatestReloadTests
{
    /// <summary>A read that waits for the test to let it finish, counting how many started.</summary>
    private sealed class GatedRead
    {
        private readonly List<TaskCompletionSource> _gates = [];
        public int Started { get; private set; }
        public List<int> SeenVersions { get; } = [];
        public int Version { get; set; }

        public Task ReadAsync()
        {
            lock (_gates)
            {
                Started++;
                SeenVersions.Add(Version);
                var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _gates.Add(gate);
                return gate.Task;
            }
        }

        public void Release(int read) => _gates[read - 1].SetResult();

        public void Fail(int read, Exception ex) => _gates[read - 1].SetException(ex);
    }

    [Fact]
    public async Task A_read_on_its_own_runs_once()
    {
        var read = new GatedRead();
        var reload = new LatestReload(read.ReadAsync, _ => Task.CompletedTask);
        var run = reload.RunAsync();
        read.Release(1);
        await run;
        Assert.Equal(1, read.Started);
    }

    [Fact]
    public async Task Changes_during_a_read_make_exactly_one_more_read_that_starts_after_the_last_change()
    {
        var read = new GatedRead();
        var reload = new LatestReload(read.ReadAsync, _ => Task.CompletedTask);
        var first = reload.RunAsync();

        // A burst of five changes while the first read runs: the data moves on to version 5.
        for (var v = 1; v <= 5; v++)
        {
            read.Version = v;
            reload.Request();
        }
        Assert.Equal(1, read.Started);

        read.Release(1);
        await Eventually.TrueAsync(() => read.Started == 2);
        read.Release(2);
        await first;
        Assert.Equal([0, 5], read.SeenVersions);
    }

    [Fact]
    public async Task The_first_read_asked_for_while_a_change_read_runs_waits_for_one_more_read_instead_of_running_beside_it()
    {
        var read = new GatedRead();
        var reload = new LatestReload(read.ReadAsync, _ => Task.CompletedTask);
        reload.Request();           // a change arrived between the subscription and the page's first read
        await reload.RunAsync();    // returns at once: the running read will be followed by one more
        Assert.Equal(1, read.Started);
        read.Version = 1;
        read.Release(1);
        await Eventually.TrueAsync(() => read.Started == 2);
        read.Release(2);
        Assert.Equal([0, 1], read.SeenVersions);
    }

    [Fact]
    public async Task A_failed_read_reaches_the_error_handler_and_the_next_change_reads_again()
    {
        var read = new GatedRead();
        var errors = new List<Exception>();
        var reload = new LatestReload(read.ReadAsync, ex =>
        {
            lock (errors) errors.Add(ex);
            return Task.CompletedTask;
        });

        reload.Request();
        read.Fail(1, new InvalidOperationException("veritabanı yok"));
        await Eventually.TrueAsync(() => { lock (errors) return errors.Count == 1; });
        Assert.Equal("veritabanı yok", errors[0].Message);

        var again = reload.RunAsync();
        Assert.Equal(2, read.Started);
        read.Release(2);
        await again;
    }

    [Fact]
    public async Task RunAsync_passes_a_read_error_to_its_caller()
    {
        var read = new GatedRead();
        var reload = new LatestReload(read.ReadAsync, _ => throw new Xunit.Sdk.XunitException("not the handler"));
        var run = reload.RunAsync();
        read.Fail(1, new TimeoutException());
        await Assert.ThrowsAsync<TimeoutException>(() => run);
    }
}
