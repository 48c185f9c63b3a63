using Intranet.Core.Common;
using Intranet.Core.Requests;
using Intranet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Requests;

/// <summary>Per-category intake questions and stop-warnings: edited by Admin, asked and checked at intake, kept and exported.</summary>
public class CategoryQuestionTests : IDisposable
{
    private readonly RequestWorld _world = new();

    [Fact]
    public async Task A_category_question_is_asked_checked_stored_with_the_request_shown_and_exported()
    {
        var admin = _world.Intake(_world.As("demo-admin"));
        var category = _world.CategoryOf("PARK");
        await admin.SaveQuestionAsync(new QuestionInput(0, Guid.Empty, category.Id, "Ağacın yaklaşık boyu (m)", null, QuestionKind.Number, null, Required: true));
        await admin.SaveQuestionAsync(new QuestionInput(0, Guid.Empty, category.Id, "Ağaç nerede?", null, QuestionKind.Choice, "Kaldırımda\nParkta\nBahçede", Required: false));
        var questions = (await _world.Intake(_world.As("demo-halk-personel-1")).ForCategoryAsync(category.Id)).Questions;
        Assert.Equal(["Ağacın yaklaşık boyu (m)", "Ağaç nerede?"], questions.Select(q => q.Label));
        var (height, place) = (questions[0].Id, questions[1].Id);

        var desk = _world.Service(_world.As("demo-halk-personel-1"));
        var form = _world.PhoneCall("PARK");
        var missing = await Assert.ThrowsAsync<ValidationException>(() => desk.CreateAsync(form));
        Assert.Equal("\"Ağacın yaklaşık boyu (m)\" sorusunu yanıtlayın.", missing.Fields[IntakeExtras.FieldOf(height)]);
        form.Answers[height] = "on iki";
        form.Answers[place] = "Çatıda";
        var wrong = await Assert.ThrowsAsync<ValidationException>(() => desk.CreateAsync(form));
        Assert.Contains("bir sayı yazın", wrong.Fields[IntakeExtras.FieldOf(height)]);
        Assert.Contains("listeden bir seçenek", wrong.Fields[IntakeExtras.FieldOf(place)]);

        form.Answers[height] = "12,5";
        form.Answers[place] = "Parkta";
        var created = await desk.CreateAsync(form);

        var extras = (await _world.Extras(_world.As("demo-park-mudur")).GetAsync(created.Id))!;
        Assert.Equal([("Ağacın yaklaşık boyu (m)", "12,5"), ("Ağaç nerede?", "Parkta")], extras.Answers.Select(a => (a.Question, a.Answer)));
        var row = await _world.Export(_world.As("demo-park-mudur")).RowsAsync(new RequestFilter()).SingleAsync();
        Assert.Equal("Ağacın yaklaşık boyu (m): 12,5; Ağaç nerede?: Parkta", row.Answers);

        // Removing the question later keeps what was asked then.
        await admin.DeleteQuestionAsync(height, questions[0].Version);
        Assert.Equal(2, (await _world.Extras(_world.As("demo-park-mudur")).GetAsync(created.Id))!.Answers.Count);
    }

    [Fact]
    public async Task A_stop_warning_category_takes_no_request_and_sends_the_caller_to_the_emergency_line()
    {
        var gas = await StopCategoryAsync();
        var form = _world.PhoneCall();
        form.CategoryId = gas.Id;

        var error = await Assert.ThrowsAsync<ValidationException>(() => _world.Service(_world.As("demo-halk-personel-1")).CreateAsync(form));

        Assert.Contains("İGDAŞ 187", error.Fields[nameof(IntakeForm.CategoryId)]);
        Assert.Contains("Başvuru kaydedilmez", error.Fields[nameof(IntakeForm.CategoryId)]);
        await using var db = _world.Database.Create(UserContext.System);
        Assert.Equal(0, await db.Requests.CountAsync());
        Assert.True((await _world.Intake(_world.As("demo-fen-personel-1")).ForCategoryAsync(gas.Id)).Stops);
    }

    [Fact]
    public async Task Only_admin_edits_questions_and_warnings_and_a_stale_edit_is_a_conflict()
    {
        var category = _world.CategoryOf("TEM");
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _world.Intake(_world.As("demo-halk-mudur")).SaveWarningAsync(category.Id, category.Version, "Uyarı", "112"));
        var admin = _world.Intake(_world.As("demo-admin"));
        var noLine = await Assert.ThrowsAsync<ValidationException>(() => admin.SaveWarningAsync(category.Id, category.Version, "Uyarı", null));
        Assert.Contains("hattı yazın", noLine.Message);
        await Assert.ThrowsAsync<ValidationException>(() =>
            admin.SaveQuestionAsync(new QuestionInput(0, Guid.Empty, category.Id, "Seçin", null, QuestionKind.Choice, "Tek seçenek", false)));

        await admin.SaveWarningAsync(category.Id, category.Version, "Kimyasal atık: belediye toplamaz.", "112 Acil Çağrı");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => admin.SaveWarningAsync(category.Id, category.Version, null, null));
        await using var db = _world.Database.Create(UserContext.System);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Category" && a.EntityId == category.Id.ToString() && a.After!.Contains("Kimyasal")));
    }

    [Fact]
    public async Task The_demo_municipality_asks_a_street_lamps_pole_number_and_stops_on_a_gas_leak()
    {
        var rows = await _world.Intake(_world.As("demo-admin")).CategoriesAsync();
        Assert.Equal(2, rows.Single(r => r.Name == "Sokak lambası arızası").QuestionCount);
        Assert.Equal("İGDAŞ 187 Doğalgaz Acil", rows.Single(r => r.Name.StartsWith("Doğalgaz kaçağı")).EmergencyLine);
        Assert.Equal("112 Acil Çağrı", rows.Single(r => r.Name.StartsWith("Yıkılan")).EmergencyLine);
    }

    private async Task<Intranet.Core.Organization.Category> StopCategoryAsync()
    {
        await using var db = _world.Database.Create(UserContext.System);
        return await db.Categories.SingleAsync(c => c.Name == "Doğalgaz kaçağı / gaz kokusu");
    }

    public void Dispose() => _world.Dispose();
}
