using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Intranet.Tests.Infrastructure;

/// <summary>
/// A bunit context with MudBlazor's services and loose JS interop. MudBlazor's services are async-disposable only,
/// so the context is disposed asynchronously (xunit 2 calls <see cref="IAsyncLifetime.DisposeAsync"/>).
/// </summary>
public abstract class MudComponentTest : BunitContext, IAsyncLifetime
{
    protected MudComponentTest()
    {
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Clock);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>The components' clock, pinned to the suite's day.</summary>
    protected TestClock Clock { get; } = new(TestClock.SuiteStart);

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
