using Intranet.Core.Auditing;
using Intranet.Core.Common;
using Intranet.Core.Organization;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Data;

public class AuditAndConcurrencyTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly UserContext _clerk = TestUsers.As(Roles.Admin, userId: 7);

    [Fact]
    public async Task An_insert_is_audited_with_the_new_id_and_values()
    {
        int id;
        await using (var db = _database.Create(_clerk))
        {
            var directorate = new Directorate { Name = "Fen İşleri Müdürlüğü", Code = "FEN" };
            db.Directorates.Add(directorate);
            await db.SaveChangesAsync();
            id = directorate.Id;
        }

        await using var check = _database.Create(UserContext.System);
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(Directorate));
        Assert.Equal(AuditActions.Added, entry.Action);
        Assert.Equal(id.ToString(), entry.EntityId);
        Assert.Equal(_clerk.Name, entry.UserName);
        Assert.Equal(_clerk.ObjectId, entry.UserObjectId);
        Assert.Contains("Fen İşleri Müdürlüğü", entry.After);
        Assert.Null(entry.Before);
    }

    [Fact]
    public async Task An_update_is_audited_with_before_and_after_of_the_changed_fields_only()
    {
        var id = await AddDirectorateAsync();
        await using (var db = _database.Create(_clerk))
        {
            var d = await db.Directorates.SingleAsync(x => x.Id == id);
            d.DeputyMayorName = "Ayşe Yılmaz";
            await db.SaveChangesAsync();
        }

        await using var check = _database.Create(UserContext.System);
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.Updated);
        Assert.Equal("{\"DeputyMayorName\":null}", entry.Before);
        Assert.Equal("{\"DeputyMayorName\":\"Ayşe Yılmaz\"}", entry.After);
    }

    [Fact]
    public async Task A_delete_is_audited_with_what_was_deleted()
    {
        var id = await AddDirectorateAsync();
        await using (var db = _database.Create(_clerk))
        {
            db.Directorates.Remove(await db.Directorates.SingleAsync(x => x.Id == id));
            await db.SaveChangesAsync();
        }

        await using var check = _database.Create(UserContext.System);
        var entry = await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.Deleted);
        Assert.Contains("\"Code\":\"PARK\"", entry.Before);
    }

    [Fact]
    public async Task Every_save_stamps_a_new_version()
    {
        var id = await AddDirectorateAsync();
        await using var db = _database.Create(_clerk);
        var d = await db.Directorates.SingleAsync(x => x.Id == id);
        var before = d.Version;
        Assert.NotEqual(Guid.Empty, before);
        d.Email = "park@belediye.bel.tr";
        await db.SaveChangesAsync();
        Assert.NotEqual(before, d.Version);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_fails_instead_of_overwriting()
    {
        var id = await AddDirectorateAsync();
        await using var first = _database.Create(_clerk);
        await using var second = _database.Create(_clerk);
        var a = await first.Directorates.SingleAsync(x => x.Id == id);
        var b = await second.Directorates.SingleAsync(x => x.Id == id);

        a.Email = "birinci@belediye.bel.tr";
        await first.SaveChangesAsync();
        b.Email = "ikinci@belediye.bel.tr";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _database.Create(UserContext.System);
        Assert.Equal("birinci@belediye.bel.tr", (await check.Directorates.SingleAsync(x => x.Id == id)).Email);
    }

    private async Task<int> AddDirectorateAsync()
    {
        await using var db = _database.Create(UserContext.System);
        var d = new Directorate { Name = "Park ve Bahçeler Müdürlüğü", Code = "PARK" };
        db.Directorates.Add(d);
        await db.SaveChangesAsync();
        db.AuditEntries.RemoveRange(db.AuditEntries);
        await db.SaveChangesAsync();
        return d.Id;
    }

    public void Dispose() => _database.Dispose();
}
