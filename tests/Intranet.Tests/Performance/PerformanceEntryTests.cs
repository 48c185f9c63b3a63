using Intranet.Core.Common;
using Intranet.Core.Performance;
using Intranet.Core.Requests;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Tests.Performance;

/// <summary>Entering, explaining, approving (which locks, in the service) and reopening a period's actual.</summary>
public class PerformanceEntryTests : IDisposable
{
    private readonly PerformanceWorld _world = new();
    private readonly UserContext _staff, _director;
    private readonly PeriodRef _q3;

    public PerformanceEntryTests()
    {
        _staff = _world.As("demo-park-personel");
        _director = _world.As("demo-park-mudur");
        // PG-PARK-01: m² of green space per person, higher is better, the last quarter's value counts; 2026 target 7.4.
        _q3 = new PeriodRef(_world.Indicator("PG-PARK-01").Id, 2026, 3);
    }

    [Fact]
    public async Task The_director_approves_the_staffs_entry_and_the_service_then_refuses_any_change()
    {
        var v1 = await _world.Entries(_staff).SaveAsync(new ActualInput(_q3, 7.5, null, null));
        var v2 = await _world.Entries(_director).ApproveAsync(_q3, v1);

        var changed = await Assert.ThrowsAsync<ValidationException>(() => _world.Entries(_staff).SaveAsync(new ActualInput(_q3, 9, "düzeltme", v2)));
        Assert.Contains("onaylandı ve kilitli", changed.Message);
        var byDirector = await Assert.ThrowsAsync<ValidationException>(() => _world.Entries(_director).SaveAsync(new ActualInput(_q3, 9, "düzeltme", v2)));
        Assert.Contains("kilitli", byDirector.Message);
        await Assert.ThrowsAsync<ValidationException>(() => _world.Entries(_staff).AddEvidenceAsync(_q3, Pdf()));
        await Assert.ThrowsAsync<ValidationException>(() => _world.Entries(_director).ApproveAsync(_q3, v2));

        var actual = _world.Actual("PG-PARK-01", 2026, 3)!;
        Assert.Equal((7.5, ActualStatus.Onaylandi, _director.Name), (actual.Value!.Value, actual.Status, actual.ApprovedBy));
        Assert.Equal(_world.Requests.Clock.Now.UtcDateTime, actual.ApprovedAt);
    }

    [Fact]
    public async Task A_deviation_beyond_the_plans_threshold_needs_a_written_explanation()
    {
        var missing = await Assert.ThrowsAsync<ValidationException>(() => _world.Entries(_staff).SaveAsync(new ActualInput(_q3, 3, " ", null)));
        Assert.Contains("%40,5", missing.Message); // 3 of 7.4
        Assert.Contains("%10", missing.Message);
        Assert.True(missing.Fields.ContainsKey(nameof(ActualInput.Explanation)));
        Assert.Null(_world.Actual("PG-PARK-01", 2026, 3));

        await _world.Entries(_staff).SaveAsync(new ActualInput(_q3, 3, "Park alanı inşaatı ihaleye çıkamadı.", null));
        Assert.Equal("Park alanı inşaatı ihaleye çıkamadı.", _world.Actual("PG-PARK-01", 2026, 3)!.Explanation);

        // Within 10 % no explanation is asked.
        var q2 = _q3 with { Period = 2 };
        await _world.Entries(_staff).SaveAsync(new ActualInput(q2, 7.0, null, null));
    }

    [Fact]
    public async Task Reopening_needs_a_reason_which_the_history_keeps_and_the_audit_log_records_the_change()
    {
        var v = await _world.Entries(_staff).SaveAsync(new ActualInput(_q3, 7.4, null, null));
        v = await _world.Entries(_director).ApproveAsync(_q3, v);

        await Assert.ThrowsAsync<ValidationException>(() => _world.Entries(_director).ReopenAsync(_q3, v, "  "));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Entries(_staff).ReopenAsync(_q3, v, "Yanlış girildi."));
        v = await _world.Entries(_director).ReopenAsync(_q3, v, "Sayım hatası; düzeltilecek.");

        await _world.Entries(_staff).SaveAsync(new ActualInput(_q3, 7.6, null, v));
        var actual = _world.Actual("PG-PARK-01", 2026, 3)!;
        Assert.Equal((7.6, ActualStatus.Taslak), (actual.Value!.Value, actual.Status));
        Assert.Null(actual.ApprovedBy);

        await using var db = _world.Requests.Database.Create(UserContext.System);
        var log = await db.IndicatorActualLogs.Where(l => l.ActualId == actual.Id).OrderBy(l => l.Id).ToListAsync();
        Assert.Equal([ActualLogAction.Kaydedildi, ActualLogAction.Onaylandi, ActualLogAction.YenidenAcildi, ActualLogAction.Kaydedildi], log.Select(l => l.Action));
        Assert.Equal(("Sayım hatası; düzeltilecek.", _director.Name), (log[2].Note, log[2].UserName));
        var key = actual.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(IndicatorActual) && a.EntityId == key).OrderBy(a => a.Id).ToListAsync();
        Assert.Contains(audit, a => a.UserName == _director.Name && a.Before!.Contains("Status") && a.After!.Contains("Status"));
        Assert.True(audit.Count >= 4);
    }

    [Fact]
    public async Task Only_the_owning_directorate_enters_and_only_its_director_or_admin_approves()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Entries(_world.As("demo-fen-personel-1")).SaveAsync(new ActualInput(_q3, 7.4, null, null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Entries(_world.As("demo-ozk-1")).SaveAsync(new ActualInput(_q3, 7.4, null, null)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Entries(_world.As("demo-admin")).SaveAsync(new ActualInput(_q3, 7.4, null, null)));

        var v = await _world.Entries(_staff).SaveAsync(new ActualInput(_q3, 7.4, null, null));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Entries(_staff).ApproveAsync(_q3, v));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Entries(_world.As("demo-fen-mudur")).ApproveAsync(_q3, v));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Entries(_world.As("demo-strat-mudur")).ApproveAsync(_q3, v));
        await _world.Entries(_world.As("demo-admin")).ApproveAsync(_q3, v);
        Assert.Equal(ActualStatus.Onaylandi, _world.Actual("PG-PARK-01", 2026, 3)!.Status);
    }

    [Fact]
    public async Task A_save_on_a_version_someone_else_replaced_is_a_conflict_not_an_overwrite()
    {
        var v1 = await _world.Entries(_staff).SaveAsync(new ActualInput(_q3, 7.4, null, null));
        await _world.Entries(_director).SaveAsync(new ActualInput(_q3, 7.2, null, v1));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _world.Entries(_staff).SaveAsync(new ActualInput(_q3, 7.9, null, v1)));
        // Two people who both saw an empty period: the second one learns the first was faster.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _world.Entries(_staff).SaveAsync(new ActualInput(_q3, 7.9, null, null)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _world.Entries(_director).ApproveAsync(_q3, v1));
        Assert.Equal(7.2, _world.Actual("PG-PARK-01", 2026, 3)!.Value);
    }

    [Fact]
    public async Task Periods_that_have_not_begun_and_years_outside_the_plan_are_refused()
    {
        var next = await Assert.ThrowsAsync<ValidationException>(() => _world.Entries(_staff).SaveAsync(new ActualInput(_q3 with { Year = 2027, Period = 1 }, 7, null, null)));
        Assert.Contains("henüz başlamadı", next.Message);
        await Assert.ThrowsAsync<ValidationException>(() => _world.Entries(_staff).SaveAsync(new ActualInput(_q3 with { Year = 2031 }, 7, null, null)));
        await Assert.ThrowsAsync<ValidationException>(() => _world.Entries(_staff).SaveAsync(new ActualInput(_q3 with { Period = 5 }, 7, null, null)));
        await _world.Entries(_staff).SaveAsync(new ActualInput(_q3 with { Period = 4 }, 7.4, null, null)); // the running quarter is open
    }

    [Fact]
    public async Task Evidence_is_attached_by_the_directorate_and_read_by_those_who_see_the_indicator()
    {
        var id = await _world.Entries(_staff).AddEvidenceAsync(_q3, Pdf());

        Assert.Equal("tutanak.pdf", (await _world.Entries(_world.As("demo-ozk-1")).EvidenceAsync(id))!.FileName);
        Assert.NotNull(await _world.Entries(_world.As("demo-strat-personel")).EvidenceAsync(id));
        Assert.Null(await _world.Entries(_world.As("demo-fen-personel-1")).EvidenceAsync(id));
        await Assert.ThrowsAsync<ValidationException>(() => _world.Entries(_staff).AddEvidenceAsync(_q3, new UploadedFile("x.exe", "application/octet-stream", [0x4D, 0x5A, 0x90])));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _world.Entries(_world.As("demo-fen-personel-1")).RemoveEvidenceAsync(id));

        await _world.Entries(_staff).RemoveEvidenceAsync(id);
        Assert.Empty(_world.Actual("PG-PARK-01", 2026, 3)!.Evidence);
    }

    [Fact]
    public async Task Every_entry_approval_and_reopening_is_published_for_live_screens()
    {
        var before = _world.Requests.Changes.Published.Count(t => t == ChangeTopic.Performance);
        var v = await _world.Entries(_staff).SaveAsync(new ActualInput(_q3, 7.4, null, null));
        v = await _world.Entries(_director).ApproveAsync(_q3, v);
        await _world.Entries(_director).ReopenAsync(_q3, v, "Kontrol");

        Assert.Equal(before + 3, _world.Requests.Changes.Published.Count(t => t == ChangeTopic.Performance));
    }

    private static UploadedFile Pdf() => new("tutanak.pdf", "application/pdf", "%PDF-1.4\n% tutanak\n"u8.ToArray());

    public void Dispose() => _world.Dispose();
}
