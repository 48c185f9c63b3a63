using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Intranet.Tests.Infrastructure;

namespace Intranet.EndToEnd.Infrastructure;

/// <summary>A throwaway redis-server on 127.0.0.1 for one test class, stopped by its pid file.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string Binary = "/usr/bin/redis-server";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"intranet-redis-{Guid.NewGuid():N}");

    public int Port { get; private set; }
    public string Configuration => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"CI=true but redis-server is not installed at {Binary}.");
        Directory.CreateDirectory(_folder);
        Port = FreePort();
        using var start = Process.Start(new ProcessStartInfo(Binary,
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "yes",
             "--pidfile", Path.Combine(_folder, "redis.pid"), "--dir", _folder]) { RedirectStandardOutput = true })!;
        await start.WaitForExitAsync();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, "redis-server listening");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Task DisposeAsync()
    {
        var pidFile = Path.Combine(_folder, "redis.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            try { Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { /* already gone */ }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* still being released */ }
        return Task.CompletedTask;
    }
}

/// <summary>A browser test that also needs redis-server: skipped outside CI when either is missing, failing in CI.</summary>
public sealed class RedisBrowserFactAttribute : FactAttribute
{
    public RedisBrowserFactAttribute()
    {
        if ((!File.Exists(RedisServer.Binary) || !File.Exists(BrowserApp.ChromiumPath)) && !TestEnvironment.IsCi)
            Skip = "redis-server or chromium is missing: run scripts/test.sh, which installs both.";
    }
}
