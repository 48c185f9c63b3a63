using Intranet.Core.Auditing;
using Intranet.Core.Common;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests;

/// <summary>Scoping, conflicts, bad input and KVKK: each test fails if its rule is taken away.</summary>
public class RequestRulesTests : IDisposable
{
    private readonly RequestWorld _world = new();

    [Fact]
    public async Task Staff_see_and_change_only_their_own_directorates_requests()
    {
        var desk = _world.As("demo-halk-personel-1");
        var fenRequest = await _world.Service(desk).CreateAsync(_world.PhoneCall("FEN"));
        var parkRequest = await _world.Service(desk).CreateAsync(_world.PhoneCall("PARK", "Gültepe"));
        var parkStaff = _world.As("demo-park-personel");

        var list = await _world.Queries(parkStaff).ListAsync(new RequestFilter(), new RequestPage());
        Assert.Equal([parkRequest.Number], list.Items.Select(i => i.Number));
        Assert.Equal(1, list.TotalCount);
        Assert.Null(await _world.Details(parkStaff).GetAsync(fenRequest.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _world.Service(parkStaff).ApplyAsync(new RequestStep(fenRequest.Id, Guid.Empty, RequestAction.EditNote, "başkasının işi")));

        var mayorOffice = _world.As("demo-ozk-1");
        Assert.Equal(2, (await _world.Queries(mayorOffice).ListAsync(new RequestFilter(), new RequestPage())).TotalCount);
        Assert.Equal(2, (await _world.Queries(desk).ListAsync(new RequestFilter(), new RequestPage())).TotalCount);
    }

    [Fact]
    public async Task A_director_assigns_within_the_directorate_and_staff_can_only_take_a_request_themselves()
    {
        var desk = _world.As("demo-halk-personel-1");
        var created = await _world.Service(desk).CreateAsync(_world.PhoneCall("FEN"));
        var v = await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, await _world.VersionOf(created.Id), RequestAction.Route, DirectorateId: _world.DirectorateId("FEN")));
        var staff1 = _world.As("demo-fen-personel-1");
        var staff2 = _world.As("demo-fen-personel-2");
        var parkStaff = _world.As("demo-park-personel");

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _world.Service(staff1).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Assign, AssigneeId: staff2.UserId)));
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            _world.Service(_world.As("demo-fen-mudur")).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Assign, AssigneeId: parkStaff.UserId)));
        Assert.Equal("Başvuru yalnızca kendi müdürlüğünün personeline atanabilir.", error.Message);

        await _world.Service(staff1).ApplyAsync(new RequestStep(created.Id, v, RequestAction.Assign, AssigneeId: staff1.UserId));
        Assert.Equal(staff1.Name, (await _world.Details(desk).GetAsync(created.Id))!.Assignee);
    }

    [Fact]
    public async Task The_second_of_two_people_editing_one_request_gets_a_conflict_naming_the_first_change()
    {
        var desk = _world.As("demo-halk-personel-1");
        var created = await _world.Service(desk).CreateAsync(_world.PhoneCall("FEN"));
        var seen = await _world.Service(desk).ApplyAsync(new RequestStep(created.Id, await _world.VersionOf(created.Id), RequestAction.Route, DirectorateId: _world.DirectorateId("FEN")));
        var first = _world.As("demo-fen-personel-1");
        var second = _world.As("demo-fen-mudur");

        await _world.Service(first).ApplyAsync(new RequestStep(created.Id, seen, RequestAction.EditNote, "Ekip yarın gidecek."));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _world.Service(second).ApplyAsync(new RequestStep(created.Id, seen, RequestAction.EditNote, "Bu hafta yapılamaz.")));

        Assert.Contains("Ekip yarın gidecek.", conflict.Current);
        Assert.Contains(first.Name, conflict.Message);
        Assert.Equal("Ekip yarın gidecek.", (await _world.Details(desk).GetAsync(created.Id))!.Request.Note);
    }

    [Theory]
    [InlineData("Phone", "12345", "Telefon numarası geçersiz")]
    [InlineData("Email", "ali@", "E-posta adresi geçersiz")]
    [InlineData("TcKimlikNo", "12345678901", "T.C. kimlik numarası geçersiz")]
    [InlineData("Text", "kısa", "en az 10 karakter")]
    public async Task Bad_input_gets_a_turkish_message_on_its_field_and_nothing_is_saved(string field, string value, string message)
    {
        var desk = _world.As("demo-halk-personel-1");
        var form = _world.PhoneCall();
        typeof(IntakeForm).GetProperty(field)!.SetValue(form, value);

        var error = await Assert.ThrowsAsync<ValidationException>(() => _world.Service(desk).CreateAsync(form));

        Assert.Contains(message, error.Fields[field]);
        Assert.Equal(value, typeof(IntakeForm).GetProperty(field)!.GetValue(form));
        await using var db = _world.Database.Create(UserContext.System);
        Assert.Equal(0, await db.Requests.CountAsync());
    }

    [Fact]
    public async Task A_request_cannot_go_to_a_neighbourhood_that_was_taken_out_of_use()
    {
        var desk = _world.As("demo-halk-personel-1");
        var form = _world.PhoneCall();
        await using (var db = _world.Database.Create(UserContext.System))
            await db.Neighbourhoods.Where(n => n.Id == form.NeighbourhoodId).ExecuteUpdateAsync(s => s.SetProperty(n => n.IsActive, false));

        var error = await Assert.ThrowsAsync<ValidationException>(() => _world.Service(desk).CreateAsync(form));

        Assert.Contains("artık kullanılmıyor", error.Fields[nameof(IntakeForm.NeighbourhoodId)]);
    }

    [Fact]
    public async Task Attachments_are_checked_by_their_bytes_and_their_size()
    {
        var desk = _world.As("demo-halk-personel-1");
        var form = _world.PhoneCall();
        form.Attachments.Add(new UploadedFile("foto.jpg", "image/jpeg", "MZ not an image"u8.ToArray()));
        var wrongType = await Assert.ThrowsAsync<ValidationException>(() => _world.Service(desk).CreateAsync(form));
        Assert.Contains("desteklenmeyen", wrongType.Fields[nameof(IntakeForm.Attachments)]);

        form.Attachments.Clear();
        var big = new byte[AttachmentRules.MaxBytes + 1];
        big[0] = 0x25; big[1] = 0x50; big[2] = 0x44; big[3] = 0x46;
        form.Attachments.Add(new UploadedFile("tutanak.pdf", "application/pdf", big));
        var tooBig = await Assert.ThrowsAsync<ValidationException>(() => _world.Service(desk).CreateAsync(form));
        Assert.Contains("çok büyük", tooBig.Fields[nameof(IntakeForm.Attachments)]);

        form.Attachments.Clear();
        form.Attachments.Add(new UploadedFile("cukur.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]));
        var created = await _world.Service(desk).CreateAsync(form);
        var file = await _world.Details(desk).AttachmentAsync((await _world.Details(desk).GetAsync(created.Id))!.Attachments.Single().Id);
        Assert.Equal("image/png", file!.Value.ContentType);
    }

    [Fact]
    public async Task A_bilgi_edinme_application_is_not_taken_by_phone()
    {
        var form = _world.PhoneCall();
        form.Type = RequestType.BilgiEdinme;
        form.TcKimlikNo = "10000000146";

        var error = await Assert.ThrowsAsync<ValidationException>(() => _world.Service(_world.As("demo-halk-personel-1")).CreateAsync(form));

        Assert.Contains("telefonla alınamaz", error.Fields[nameof(IntakeForm.Channel)]);
    }

    [Fact]
    public async Task Numbers_run_on_within_the_year_without_gaps_or_repeats()
    {
        var desk = _world.As("demo-halk-personel-1");
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++) numbers.Add((await _world.Service(desk).CreateAsync(_world.PhoneCall())).Number);
        Assert.Equal(["2026-000001", "2026-000002", "2026-000003", "2026-000004", "2026-000005"], numbers);
    }

    [Fact]
    public async Task Lists_mask_personal_data_and_a_revealed_record_is_logged()
    {
        var desk = _world.As("demo-halk-personel-1");
        var created = await _world.Service(desk).CreateAsync(_world.PhoneCall());

        var row = (await _world.Queries(desk).ListAsync(new RequestFilter(), new RequestPage())).Items.Single();
        Assert.Equal("Ş*** I***", row.CitizenMasked);
        var detail = (await _world.Details(desk).GetAsync(created.Id))!;
        Assert.Equal("0532 *** ** 33", detail.Citizen!.Phone);
        Assert.True(detail.CanRevealCitizen);

        var full = await _world.Details(desk).RevealCitizenAsync(created.Id);
        Assert.Equal("05321112233", full.Phone);
        await using var db = _world.Database.Create(UserContext.System);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.Viewed && a.UserName == desk.Name));

        var mayorOffice = _world.As("demo-ozk-1");
        Assert.False((await _world.Details(mayorOffice).GetAsync(created.Id))!.CanRevealCitizen);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Details(mayorOffice).RevealCitizenAsync(created.Id));
    }

    [Fact]
    public async Task Open_requests_of_the_same_topic_and_neighbourhood_in_the_last_week_are_flagged_as_likely_duplicates()
    {
        var desk = _world.As("demo-halk-personel-1");
        var form = _world.PhoneCall();
        var first = await _world.Service(desk).CreateAsync(form);

        var duplicates = await _world.Queries(desk).LikelyDuplicatesAsync(form.CategoryId!.Value, form.NeighbourhoodId!.Value);
        Assert.Equal([first.Number], duplicates.Select(d => d.Number));
        Assert.Empty(await _world.Queries(desk).LikelyDuplicatesAsync(form.CategoryId!.Value, _world.NeighbourhoodId("Seyrantepe")));

        _world.Clock.Now = _world.Clock.Now.AddDays(8);
        Assert.Empty(await _world.Queries(desk).LikelyDuplicatesAsync(form.CategoryId!.Value, form.NeighbourhoodId!.Value));
    }

    [Theory]
    [InlineData("inonu")]
    [InlineData("ÇAĞLAYAN")]
    [InlineData("caglayan")]
    [InlineData("Çağlayan")]
    public async Task Neighbourhood_search_ignores_turkish_case_and_diacritics(string typed)
    {
        var found = await _world.Queries(_world.As("demo-halk-personel-1")).NeighbourhoodsAsync(typed);
        if (typed == "inonu") Assert.Empty(found); // Kağıthane has no İnönü; the key still folds ("İnönü" → "inonu").
        else Assert.Equal(["Çağlayan"], found.Select(n => n.Name));
    }

    [Fact]
    public async Task The_list_filters_by_the_reference_number_the_citizen_reads_out()
    {
        var desk = _world.As("demo-halk-personel-1");
        await _world.Service(desk).CreateAsync(_world.PhoneCall());
        var second = await _world.Service(desk).CreateAsync(_world.PhoneCall());

        var found = await _world.Queries(desk).ListAsync(new RequestFilter { Text = "2026-2" }, new RequestPage());

        Assert.Equal([second.Number], found.Items.Select(i => i.Number));
    }


    public void Dispose() => _world.Dispose();
}
