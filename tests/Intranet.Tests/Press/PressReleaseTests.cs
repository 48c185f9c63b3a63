using Intranet.Core.Auditing;
using Intranet.Core.Common;
using Intranet.Core.Notifications;
using Intranet.Core.Press;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Press;

/// <summary>Press releases (approved by the mayor's office only, sent once at their time) and the KVKK-masked contact list.</summary>
public class PressReleaseTests : IAsyncLifetime
{
    private readonly PressWorld _world = new();
    private readonly SmtpSink _sink = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        _world.Dispose();
    }

    private IEmailSender Smtp => new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = _sink.Port, UseStartTls = false, From = "basin@kagithane.example" });

    private PressReleaseService Releases(UserContext user) => _world.Releases(user, Smtp);

    private async Task<ReleaseRow> DraftAsync(int recipients = 3)
    {
        var contacts = await _world.Journalists(_world.Press).ListAsync(activeOnly: true);
        var id = await Releases(_world.Press).SaveDraftAsync(new ReleaseForm
        {
            Title = "Kağıthane'de yeni kütüphane açılıyor",
            Body = "Kağıthane Belediyesi Gültepe'de 20 bin kitaplık yeni kütüphaneyi cumartesi günü hizmete açıyor.",
            PublishLocal = new DateTime(2026, 11, 26, 10, 0, 0),
            RecipientIds = contacts.Take(recipients).Select(c => c.Id).ToList(),
        });
        return (await Releases(_world.Press).ListAsync()).Single(r => r.Id == id);
    }

    [Fact]
    public async Task The_press_office_submits_only_the_mayors_office_approves_and_the_release_goes_out_once_at_its_time()
    {
        var draft = await DraftAsync();
        var submitted = await Releases(_world.Press).ApplyAsync(draft.Id, draft.Version, ReleaseAction.Submit);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Releases(_world.Press).ApplyAsync(draft.Id, submitted, ReleaseAction.Approve));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Releases(_world.As("demo-admin")).ApplyAsync(draft.Id, submitted, ReleaseAction.Approve));
        await Releases(_world.MayorOffice).ApplyAsync(draft.Id, submitted, ReleaseAction.Approve);

        var system = Releases(UserContext.System);
        Assert.Equal(0, await system.SendDueAsync(_world.Now)); // 10:00 on the 25th: not yet
        _world.Clock.Now = new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, await system.SendDueAsync(_world.Now));
        Assert.Equal(0, await system.SendDueAsync(_world.Now.AddMinutes(1)));

        // One e-mail per journalist: nobody sees the others' addresses.
        Assert.Equal(3, _sink.Messages.Count);
        Assert.All(_sink.Messages, m => Assert.Single(m.Recipients));
        Assert.All(_sink.Messages, m => Assert.Equal("Kağıthane'de yeni kütüphane açılıyor", m.Subject));
        var sent = (await Releases(_world.Press).ListAsync()).Single(r => r.Id == draft.Id);
        Assert.Equal(PressReleaseStatus.Gonderildi, sent.Status);
        Assert.Equal(3, sent.SentCount);
        Assert.Equal("Şebnem Güldağ", sent.DecidedBy);
    }

    [Fact]
    public async Task A_returned_release_carries_the_note_and_an_approved_one_cannot_be_edited_without_withdrawing()
    {
        var draft = await DraftAsync();
        var v = await Releases(_world.Press).ApplyAsync(draft.Id, draft.Version, ReleaseAction.Submit);

        await Assert.ThrowsAsync<ValidationException>(() => Releases(_world.MayorOffice).ApplyAsync(draft.Id, v, ReleaseAction.Reject));
        v = await Releases(_world.MayorOffice).ApplyAsync(draft.Id, v, ReleaseAction.Reject, "Açılış saatini ekleyin.");
        var returned = (await Releases(_world.Press).ListAsync()).Single(r => r.Id == draft.Id);
        Assert.Equal(PressReleaseStatus.Reddedildi, returned.Status);
        Assert.Equal("Açılış saatini ekleyin.", returned.DecisionNote);

        v = await Releases(_world.Press).ApplyAsync(draft.Id, v, ReleaseAction.Submit);
        v = await Releases(_world.MayorOffice).ApplyAsync(draft.Id, v, ReleaseAction.Approve);
        var edit = new ReleaseForm { Id = draft.Id, Version = v, Title = "Değiştirilmiş başlık", Body = draft.Body, RecipientIds = [.. draft.RecipientIds] };
        await Assert.ThrowsAsync<ValidationException>(() => Releases(_world.Press).SaveDraftAsync(edit));

        v = await Releases(_world.Press).ApplyAsync(draft.Id, v, ReleaseAction.Withdraw);
        await Releases(_world.Press).SaveDraftAsync(new ReleaseForm { Id = draft.Id, Version = v, Title = "Değiştirilmiş başlık", Body = draft.Body, RecipientIds = [.. draft.RecipientIds] });
        Assert.Equal(PressReleaseStatus.Taslak, (await Releases(_world.Press).ListAsync()).Single(r => r.Id == draft.Id).Status);
    }

    [Fact]
    public async Task A_release_cannot_be_submitted_without_a_time_and_recipients_and_stale_versions_conflict()
    {
        var id = await Releases(_world.Press).SaveDraftAsync(new ReleaseForm { Title = "Eksik bülten", Body = "Bu bültenin alıcısı ve yayın zamanı yok, gönderilemez." });
        var row = (await Releases(_world.Press).ListAsync()).Single(r => r.Id == id);

        var missing = await Assert.ThrowsAsync<ValidationException>(() => Releases(_world.Press).ApplyAsync(id, row.Version, ReleaseAction.Submit));
        Assert.Contains("yayın tarihi", missing.Message);
        Assert.Contains("en az bir alıcı", missing.Message);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Releases(_world.Press).ApplyAsync(id, Guid.NewGuid(), ReleaseAction.Submit));
    }

    [Fact]
    public async Task Contacts_are_masked_in_lists_and_a_full_view_is_for_the_press_office_and_audited()
    {
        var rows = await _world.Journalists(_world.MayorOffice).ListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.True(r.Masked);
            Assert.Matches(@"^(\w\*\*\* ?)+$", r.Name);
            Assert.Matches(@"^0\d{3} \*\*\* \*\* \d{2}$", r.Phone);
            Assert.StartsWith(r.Email[..1] + "***@", r.Email);
        });

        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Journalists(_world.MayorOffice).RevealAsync(rows[0].Id));
        var full = await _world.Journalists(_world.Press).RevealAsync(rows[0].Id);
        Assert.False(full.Masked);
        Assert.DoesNotContain("***", full.Name);
        Assert.Matches(@"^05\d{9}$", full.Phone);

        await using var db = _world.Database.Create(UserContext.System);
        var view = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Journalist) && a.Action == AuditActions.Viewed);
        Assert.Equal(rows[0].Id.ToString(), view.EntityId);
        Assert.Equal("Sevgi Öğüt", view.UserName);
    }

    [Fact]
    public async Task A_contact_needs_a_valid_phone_or_email()
    {
        var contacts = _world.Journalists(_world.Press);

        var bad = await Assert.ThrowsAsync<ValidationException>(() => contacts.SaveAsync(new JournalistForm { FullName = "Deniz Kaya", Outlet = "Kent FM", Phone = "123", Email = "deniz@" }));
        var none = await Assert.ThrowsAsync<ValidationException>(() => contacts.SaveAsync(new JournalistForm { FullName = "Deniz Kaya", Outlet = "Kent FM" }));
        var id = await contacts.SaveAsync(new JournalistForm { FullName = "Deniz Kaya", Outlet = "Kent FM", Phone = "0532 123 45 67" });

        Assert.Equal([nameof(JournalistForm.Email), nameof(JournalistForm.Phone)], bad.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(nameof(JournalistForm.Email), none.Fields.Keys);
        Assert.Equal("05321234567", (await contacts.RevealAsync(id)).Phone);
    }
}
