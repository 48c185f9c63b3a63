namespace Intranet.Web.Components.Shared;

/// <summary>
/// A live component's reload: one read at a time, and a change that arrives while a read runs asks for exactly one more
/// after it. So the screen always ends on a read that started after the last change (a slow, older read never lands on
/// top of a newer one), and a burst of changes costs at most two reads.
/// Components subscribe to their change feed before their first read and make that read through here: a change made
/// while the page loads is then never missed, and a test that sees the page interactive knows it is listening.
/// </summary>
public sealed class LatestReload(Func<Task> read, Func<Exception, Task> onError)
{
    private readonly Lock _gate = new();
    private bool _running;
    private bool _again;

    /// <summary>Reads now, or after the read under way; errors reach the caller.</summary>
    public async Task RunAsync()
    {
        lock (_gate)
        {
            if (_running)
            {
                _again = true;
                return;
            }
            _running = true;
        }
        try
        {
            while (true)
            {
                await read();
                lock (_gate)
                {
                    if (!_again)
                    {
                        _running = false;
                        return;
                    }
                    _again = false;
                }
            }
        }
        catch
        {
            lock (_gate) _running = _again = false;
            throw;
        }
    }

    /// <summary>For a change feed's callback: reads in the background; an error goes to <c>onError</c> (the circuit).</summary>
    public void Request() => _ = RequestAsync();

    private async Task RequestAsync()
    {
        try
        {
            await RunAsync();
        }
        catch (Exception ex)
        {
            await onError(ex);
        }
    }
}
