using Intranet.Core.Common;
using Intranet.Core.Organization;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Organization;

public class UserAdminServiceTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly UserContext _admin = TestUsers.As(Roles.Admin);

    private UserAdminService ServiceFor(UserContext user) => new(_database.Factory(user), new FixedCurrentUser(user));

    [Fact]
    public async Task Admin_assigns_a_directorate_and_the_change_is_audited()
    {
        var (userId, dirId) = await SeedAsync(isDemo: false);
        var service = ServiceFor(_admin);
        var row = (await service.ListAsync()).Single(r => r.Id == userId);

        var saved = await service.UpdateAsync(new UserEdit(userId, dirId, Roles.Staff, true, row.Version));

        Assert.Equal(dirId, saved.DirectorateId);
        Assert.Equal("Zabıta Müdürlüğü", saved.DirectorateName);
        await using var db = _database.Create(UserContext.System);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AppUser) && a.EntityId == userId.ToString() && a.After!.Contains("DirectorateId")));
    }

    [Fact]
    public async Task Roles_of_an_entra_user_come_from_the_token_and_are_not_changed_here()
    {
        var (userId, dirId) = await SeedAsync(isDemo: false);
        var service = ServiceFor(_admin);
        var row = (await service.ListAsync()).Single(r => r.Id == userId);

        var saved = await service.UpdateAsync(new UserEdit(userId, dirId, Roles.Admin, true, row.Version));

        Assert.Equal(Roles.Staff, saved.Roles);
    }

    [Fact]
    public async Task A_stale_edit_gets_a_conflict_naming_the_other_change()
    {
        var (userId, dirId) = await SeedAsync(isDemo: true);
        var service = ServiceFor(_admin);
        var stale = (await service.ListAsync()).Single(r => r.Id == userId);
        await service.UpdateAsync(new UserEdit(userId, dirId, Roles.Director, true, stale.Version));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => service.UpdateAsync(new UserEdit(userId, null, Roles.Staff, false, stale.Version)));

        Assert.Contains("Zabıta Müdürlüğü", conflict.Current);
        Assert.Contains(Roles.Director, conflict.Current);
        var now = (await service.ListAsync()).Single(r => r.Id == userId);
        Assert.True(now.IsActive);
        Assert.Equal(Roles.Director, now.Roles);
    }

    [Fact]
    public async Task A_director_without_a_directorate_is_refused_with_a_clear_message()
    {
        var (userId, _) = await SeedAsync(isDemo: true);
        var service = ServiceFor(_admin);
        var row = (await service.ListAsync()).Single(r => r.Id == userId);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => service.UpdateAsync(new UserEdit(userId, null, Roles.Director, true, row.Version)));
        Assert.Equal("Müdür rolündeki kullanıcının bir müdürlüğü olmalı.", error.Message);
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Director)]
    [InlineData(Roles.MayorOffice)]
    public async Task Only_admin_may_list_or_change_users(string role)
    {
        var (userId, dirId) = await SeedAsync(isDemo: true);
        var service = ServiceFor(TestUsers.As(role, dirId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.UpdateAsync(new UserEdit(userId, dirId, Roles.Admin, true, Guid.Empty)));
    }

    private async Task<(int UserId, int DirectorateId)> SeedAsync(bool isDemo)
    {
        await using var db = _database.Create(UserContext.System);
        var dir = new Directorate { Name = "Zabıta Müdürlüğü", Code = "ZAB" };
        var user = new AppUser { ObjectId = Guid.NewGuid().ToString(), DisplayName = "Işıl Çağlar", Roles = Roles.Staff, IsDemo = isDemo };
        db.AddRange(dir, user);
        await db.SaveChangesAsync();
        return (user.Id, dir.Id);
    }

    public void Dispose() => _database.Dispose();
}
