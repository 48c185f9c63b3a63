using Intranet.Core.Common;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;

namespace Intranet.Tests.Requests;

/// <summary>
/// A secret ihbar's sender is hidden from everyone outside the screening desk — here the Zabıta director whose
/// directorate works on it, and Admin — in the list, the detail, the KVKK reveal, the citizen's other requests,
/// the phone look-up, a search by phone and the export. Each assertion fails if the rule is taken away.
/// </summary>
public class SecretIhbarTests : IDisposable
{
    private readonly RequestWorld _world = new();
    private const string Phone = "0532 111 22 33"; // RequestWorld.PhoneCall's caller

    private async Task<(RequestCreated Secret, RequestCreated Plain)> TwoRequestsOfOneCallerAsync()
    {
        var desk = _world.Service(_world.As("demo-halk-personel-1"));
        var ihbar = _world.PhoneCall("ZAB");
        ihbar.Type = RequestType.Ihbar;
        ihbar.IdentityConfidential = true;
        ihbar.Text = "Ben Şükrü Işıkçı (0532 111 22 33). Komşu iş yerinde ruhsatsız imalat yapılıyor, ismimin verilmesini istemiyorum.";
        var secret = await desk.CreateAsync(ihbar);
        var plain = await desk.CreateAsync(_world.PhoneCall("ZAB"));
        return (secret, plain);
    }

    [Theory]
    [InlineData("demo-zab-mudur")]
    [InlineData("demo-admin")]
    public async Task Outside_the_screening_desk_a_secret_ihbar_names_no_one(string objectId)
    {
        var (secret, plain) = await TwoRequestsOfOneCallerAsync();
        var user = _world.As(objectId);

        var list = await _world.Queries(user).ListAsync(new RequestFilter(), new RequestPage());
        Assert.Equal(ConfidentialIdentity.Label, list.Items.Single(r => r.Id == secret.Id).CitizenMasked);
        Assert.Equal("Ş*** I***", list.Items.Single(r => r.Id == plain.Id).CitizenMasked);

        var detail = (await _world.Details(user).GetAsync(secret.Id))!;
        Assert.True(detail.Citizen!.Hidden);
        Assert.Equal((ConfidentialIdentity.Label, "", "", ""), (detail.Citizen.Name, detail.Citizen.Phone, detail.Citizen.Email, detail.Citizen.TcKimlikNo));
        Assert.Null(detail.Request.Citizen);
        Assert.Null(detail.Request.CitizenId);
        Assert.Empty(detail.CitizensOtherRequests);
        // What the sender wrote about themselves is blanked too, wherever the text shows.
        Assert.Equal("Ben [gizli] ([gizli]). Komşu iş yerinde ruhsatsız imalat yapılıyor, ismimin verilmesini istemiyorum.", detail.Request.Text);
        Assert.StartsWith("Ben [gizli] ([gizli]).", list.Items.Single(r => r.Id == secret.Id).Summary);
        Assert.False(detail.CanRevealCitizen);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Details(user).RevealCitizenAsync(secret.Id));

        // The sender's other request does not lead back to the ihbar.
        Assert.DoesNotContain((await _world.Details(user).GetAsync(plain.Id))!.CitizensOtherRequests, o => o.Id == secret.Id);
        // Neither does a search by their phone number, nor the call-centre look-up.
        var byPhone = await _world.Queries(user).ListAsync(new RequestFilter { Text = Phone }, new RequestPage());
        Assert.Equal([plain.Number], byPhone.Items.Select(r => r.Number));
        Assert.DoesNotContain((await _world.Queries(user).CitizenByPhoneAsync(Phone))!.Requests, r => r.Id == secret.Id);
        // Nor the export.
        var rows = await _world.Export(user).RowsAsync(new RequestFilter()).ToListAsync();
        Assert.Equal(ConfidentialIdentity.Label, rows.Single(r => r.Number == secret.Number).Citizen);
        Assert.DoesNotContain("Işıkçı", rows.Single(r => r.Number == secret.Number).Text);
        Assert.Empty(await _world.Export(user).RowsAsync(new RequestFilter { Text = Phone }).Where(r => r.Number == secret.Number).ToListAsync());
        // The ihbar itself stays searchable by its own number for those working on it.
        Assert.Single((await _world.Queries(user).ListAsync(new RequestFilter { Text = secret.Number }, new RequestPage())).Items);
    }

    [Fact]
    public async Task The_screening_desk_still_knows_who_sent_it()
    {
        var (secret, plain) = await TwoRequestsOfOneCallerAsync();
        var desk = _world.As("demo-halk-personel-2");

        Assert.Equal("Ş*** I***", (await _world.Queries(desk).ListAsync(new RequestFilter(), new RequestPage())).Items.Single(r => r.Id == secret.Id).CitizenMasked);
        var detail = (await _world.Details(desk).GetAsync(secret.Id))!;
        Assert.False(detail.Citizen!.Hidden);
        Assert.StartsWith("Ben Şükrü Işıkçı (0532 111 22 33).", detail.Request.Text);
        Assert.Contains(detail.CitizensOtherRequests, o => o.Id == plain.Id);
        Assert.Equal("05321112233", (await _world.Details(desk).RevealCitizenAsync(secret.Id)).Phone);
        Assert.Equal(2, (await _world.Queries(desk).ListAsync(new RequestFilter { Text = Phone }, new RequestPage())).TotalCount);
    }

    [Fact]
    public async Task Only_an_ihbar_with_a_named_sender_can_ask_for_secrecy()
    {
        var desk = _world.Service(_world.As("demo-halk-personel-1"));
        var complaint = _world.PhoneCall("ZAB");
        complaint.IdentityConfidential = true;
        var error = await Assert.ThrowsAsync<ValidationException>(() => desk.CreateAsync(complaint));
        Assert.Contains("yalnızca ihbarlar", error.Fields[nameof(IntakeForm.IdentityConfidential)]);
    }

    public void Dispose() => _world.Dispose();
}
