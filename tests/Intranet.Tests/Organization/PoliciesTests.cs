using Intranet.Core.Common;
using Intranet.Core.Organization;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Organization;

public class PoliciesTests
{
    [Theory]
    [InlineData(Roles.Admin, Policies.Admin, true)]
    [InlineData(Roles.Staff, Policies.Admin, false)]
    [InlineData(Roles.Director, Policies.Admin, false)]
    [InlineData(Roles.MayorOffice, Policies.Admin, false)]
    [InlineData(Roles.Staff, Policies.Requests, true)]
    [InlineData(Roles.Press, Policies.Requests, false)]
    [InlineData(Roles.WallDisplay, Policies.Requests, false)]
    [InlineData(Roles.Press, Policies.Press, true)]
    [InlineData(Roles.Staff, Policies.Press, false)]
    [InlineData(Roles.WallDisplay, Policies.Wall, true)]
    [InlineData(Roles.WallDisplay, Policies.Dashboard, false)]
    [InlineData(Roles.Staff, Policies.Wall, false)]
    public void Each_role_gets_exactly_its_policies(string role, string policy, bool allowed) =>
        Assert.Equal(allowed, Policies.Allows(policy, TestUsers.As(role, directorateId: 1)));

    [Fact]
    public void An_anonymous_user_has_no_policy() =>
        Assert.All(Policies.RolesFor.Keys, p => Assert.False(Policies.Allows(p, UserContext.Anonymous)));

    [Fact]
    public void Every_policy_names_only_known_roles() =>
        Assert.All(Policies.RolesFor.Values.SelectMany(r => r), r => Assert.Contains(r, Roles.All));
}
