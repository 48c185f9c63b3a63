using Intranet.Core.Auditing;
using Intranet.Core.Citizens;
using Intranet.Core.Common;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests;

public class CitizenRetentionTests : IDisposable
{
    private readonly RequestWorld _world = new();

    [Fact]
    public async Task Only_citizens_whose_every_request_closed_long_ago_are_anonymised_and_their_requests_stay()
    {
        var desk = _world.As("demo-halk-personel-1");
        var old = _world.PhoneCall();
        old.Phone = "0532 000 00 01";
        old.CitizenName = "Eski Başvurucu";
        var oldRequest = await _world.Service(desk).CreateAsync(old);
        var recent = _world.PhoneCall();
        recent.Phone = "0532 000 00 02";
        recent.CitizenName = "Yeni Başvurucu";
        var recentRequest = await _world.Service(desk).CreateAsync(recent);
        await CloseAsync(desk, oldRequest.Id);
        await CloseAsync(desk, recentRequest.Id);
        await using (var db = _world.Database.Create(UserContext.System))
            await db.Requests.Where(r => r.Id == oldRequest.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedAt, _world.Clock.Now.UtcDateTime.AddYears(-6)));

        var count = await new CitizenRetention(_world.Database.Factory(UserContext.System), _world.Clock).AnonymizeAsync(5);

        Assert.Equal(1, count);
        await using var check = _world.Database.Create(UserContext.System);
        var oldCitizen = await check.Requests.Where(r => r.Id == oldRequest.Id).Select(r => r.Citizen!).SingleAsync();
        Assert.Equal(CitizenRetention.AnonymousName, oldCitizen.FullName);
        Assert.Null(oldCitizen.Phone);
        Assert.NotNull(oldCitizen.AnonymizedAt);
        Assert.Equal("Yeni Başvurucu", await check.Requests.Where(r => r.Id == recentRequest.Id).Select(r => r.Citizen!.FullName).SingleAsync());
        Assert.True(await check.Requests.AnyAsync(r => r.Id == oldRequest.Id));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(Citizen) && a.EntityId == oldCitizen.Id.ToString() && a.Action == AuditActions.Updated));
    }

    [Fact]
    public async Task A_citizen_with_an_open_request_keeps_their_data()
    {
        var desk = _world.As("demo-halk-personel-1");
        await _world.Service(desk).CreateAsync(_world.PhoneCall());

        Assert.Equal(0, await new CitizenRetention(_world.Database.Factory(UserContext.System), _world.Clock).AnonymizeAsync(1));
    }

    private async Task CloseAsync(UserContext desk, int id)
    {
        var service = _world.Service(desk);
        await service.ApplyAsync(new RequestStep(id, await _world.VersionOf(id), RequestAction.Reject, "Görev alanı dışında."));
        await service.ApplyAsync(new RequestStep(id, await _world.VersionOf(id), RequestAction.Close));
    }

    public void Dispose() => _world.Dispose();
}
