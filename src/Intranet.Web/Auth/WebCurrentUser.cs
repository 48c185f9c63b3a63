using Intranet.Core.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace Intranet.Web.Auth;

/// <summary>
/// The signed-in user of this DI scope. In a circuit the authentication state provider knows it; in a plain HTTP
/// request (endpoints, exports) the HttpContext does. A scope with neither is anonymous: background jobs say
/// explicitly that they act as the system (<see cref="SystemScope"/>), so no path gains rights by accident.
/// </summary>
public sealed class WebCurrentUser(IHttpContextAccessor http, IServiceProvider services) : ICurrentUser
{
    private UserContext? _user;

    public UserContext User => _user ??= Resolve();

    public void ActAs(UserContext user) => _user = user;

    private UserContext Resolve()
    {
        var state = services.GetService<AuthenticationStateProvider>();
        if (state is not null)
        {
            try
            {
                var task = state.GetAuthenticationStateAsync();
                // Server-side the state is set when the circuit or the page render starts, so the task is complete.
                if (task.IsCompletedSuccessfully) return UserContext.FromPrincipal(task.Result.User);
            }
            catch (InvalidOperationException)
            {
                // Not inside a component render: fall back to the HTTP request below.
            }
        }
        var context = http.HttpContext;
        return context is null ? UserContext.Anonymous : UserContext.FromPrincipal(context.User);
    }
}

/// <summary>A DI scope whose services act as <see cref="UserContext.System"/>: for background services.</summary>
public static class SystemScope
{
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory factory)
    {
        var scope = factory.CreateAsyncScope();
        ((WebCurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUser>()).ActAs(UserContext.System);
        return scope;
    }
}
