using Intranet.Core.Common;
using Intranet.Core.Organization;

namespace Intranet.Tests.Infrastructure;

/// <summary>Acting users for service tests, built the way the sign-in builds them.</summary>
public static class TestUsers
{
    public static UserContext As(string role, int? directorateId = null, int userId = 1, bool screeningDesk = false) =>
        new(userId, $"test-{role.ToLowerInvariant()}-{userId}", $"Test {role}", new HashSet<string> { role }, directorateId, screeningDesk);
}
