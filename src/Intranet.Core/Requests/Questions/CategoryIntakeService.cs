using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>One category on the admin page: its name, directorate, stop-warning and how many questions it asks.</summary>
public sealed record CategoryIntakeRow(int Id, string Name, string Directorate, bool IsActive, string? StopWarning, string? EmergencyLine, int QuestionCount, Guid Version);

/// <summary>A question as the admin edits it; <see cref="Id"/> 0 adds a new one.</summary>
public sealed record QuestionInput(int Id, Guid Version, int CategoryId, string? Label, string? HelpText, QuestionKind Kind, string? Choices, bool Required);

/// <summary>
/// Per-category intake questions and stop-warnings: the intake form reads them (<see cref="ForCategoryAsync"/>),
/// Admin edits them. Every edit is versioned and audited through the context.
/// </summary>
public sealed class CategoryIntakeService(IDbContextFactory<IntranetDbContext> dbFactory, ICurrentUser currentUser)
{
    private UserContext User => currentUser.User;

    public async Task<CategoryIntake> ForCategoryAsync(int categoryId, CancellationToken ct = default)
    {
        if (!Policies.Allows(Policies.Requests, User)) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.AsNoTracking().Where(c => c.Id == categoryId).Select(c => new { c.StopWarning, c.EmergencyLine }).SingleOrDefaultAsync(ct);
        var questions = await db.Set<CategoryQuestion>().AsNoTracking().Where(q => q.CategoryId == categoryId).OrderBy(q => q.Order).ThenBy(q => q.Id).ToListAsync(ct);
        return new CategoryIntake(categoryId, category?.StopWarning, category?.EmergencyLine, questions);
    }

    public async Task<IReadOnlyList<CategoryIntakeRow>> CategoriesAsync(CancellationToken ct = default)
    {
        DemandAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Categories.AsNoTracking()
            .Select(c => new CategoryIntakeRow(c.Id, c.Name, c.DefaultDirectorate!.Name, c.IsActive, c.StopWarning, c.EmergencyLine,
                db.Set<CategoryQuestion>().Count(q => q.CategoryId == c.Id), c.Version))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Name, TurkishText.Comparer).ToList();
    }

    /// <summary>Sets or clears (empty text) the category's stop-warning.</summary>
    public async Task<Guid> SaveWarningAsync(int categoryId, Guid version, string? warning, string? emergencyLine, CancellationToken ct = default)
    {
        DemandAdmin();
        warning = string.IsNullOrWhiteSpace(warning) ? null : warning.Trim();
        emergencyLine = string.IsNullOrWhiteSpace(emergencyLine) ? null : emergencyLine.Trim();
        if (warning is { Length: > 1000 }) throw new ValidationException("Uyarı metni en fazla 1000 karakter olabilir.");
        if (warning is not null && emergencyLine is null) throw new ValidationException("Uyarıda arayanın yönlendirileceği hattı yazın (ör. \"112 Acil Çağrı\", \"İGDAŞ 187\").");
        if (emergencyLine is { Length: > 100 }) throw new ValidationException("Acil hat en fazla 100 karakter olabilir.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == categoryId, ct) ?? throw new ValidationException("Konu bulunamadı.");
        db.Entry(category).Property(c => c.Version).OriginalValue = version;
        category.StopWarning = warning;
        category.EmergencyLine = warning is null ? null : emergencyLine;
        await SaveAsync(db, "Konu", ct);
        return category.Version;
    }

    public async Task<Guid> SaveQuestionAsync(QuestionInput input, CancellationToken ct = default)
    {
        DemandAdmin();
        var label = input.Label?.Trim();
        if (string.IsNullOrEmpty(label) || label.Length > 200) throw new ValidationException("Soru metni 1–200 karakter olmalı.");
        if (input.HelpText is { Length: > 400 }) throw new ValidationException("Açıklama en fazla 400 karakter olabilir.");
        var choices = string.Join('\n', (input.Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct());
        if (input.Kind == QuestionKind.Choice && choices.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length < 2)
            throw new ValidationException("Seçmeli soruya en az iki seçenek yazın (her satıra bir seçenek).");
        if (choices.Length > 2000) throw new ValidationException("Seçenekler toplam en fazla 2000 karakter olabilir.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Categories.AnyAsync(c => c.Id == input.CategoryId, ct)) throw new ValidationException("Konu bulunamadı.");
        CategoryQuestion question;
        if (input.Id == 0)
        {
            var last = await db.Set<CategoryQuestion>().Where(q => q.CategoryId == input.CategoryId).MaxAsync(q => (int?)q.Order, ct) ?? 0;
            question = new CategoryQuestion { CategoryId = input.CategoryId, Label = label, Order = last + 1 };
            db.Add(question);
        }
        else
        {
            question = await db.Set<CategoryQuestion>().SingleOrDefaultAsync(q => q.Id == input.Id && q.CategoryId == input.CategoryId, ct)
                ?? throw new ValidationException("Soru bulunamadı; başka bir yönetici silmiş olabilir.");
            db.Entry(question).Property(q => q.Version).OriginalValue = input.Version;
        }
        question.Label = label;
        question.HelpText = string.IsNullOrWhiteSpace(input.HelpText) ? null : input.HelpText.Trim();
        question.Kind = input.Kind;
        question.Choices = input.Kind == QuestionKind.Choice ? choices : null;
        question.Required = input.Required;
        await SaveAsync(db, "Soru", ct);
        return question.Version;
    }

    /// <summary>Moves a question one place up (-1) or down (+1) on its category's form.</summary>
    public async Task MoveQuestionAsync(int questionId, int direction, CancellationToken ct = default)
    {
        DemandAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var question = await db.Set<CategoryQuestion>().SingleOrDefaultAsync(q => q.Id == questionId, ct) ?? throw new ValidationException("Soru bulunamadı.");
        var siblings = await db.Set<CategoryQuestion>().Where(q => q.CategoryId == question.CategoryId).OrderBy(q => q.Order).ThenBy(q => q.Id).ToListAsync(ct);
        var index = siblings.IndexOf(question);
        var other = index + Math.Sign(direction);
        if (other < 0 || other >= siblings.Count) return;
        (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
        for (var i = 0; i < siblings.Count; i++) siblings[i].Order = i + 1;
        await SaveAsync(db, "Soru", ct);
    }

    /// <summary>Removes the question from the form; answers already given keep its wording.</summary>
    public async Task DeleteQuestionAsync(int questionId, Guid version, CancellationToken ct = default)
    {
        DemandAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var question = await db.Set<CategoryQuestion>().SingleOrDefaultAsync(q => q.Id == questionId, ct);
        if (question is null) return;
        db.Entry(question).Property(q => q.Version).OriginalValue = version;
        db.Remove(question);
        await SaveAsync(db, "Soru", ct);
    }

    private static async Task SaveAsync(IntranetDbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException($"{what} siz çalışırken başka bir yönetici tarafından değiştirildi; değişikliğiniz kaydedilmedi. Güncel hâli yüklendi.");
        }
    }

    private void DemandAdmin()
    {
        if (!Policies.Allows(Policies.Admin, User)) throw new AccessDeniedException("Konu sorularını ve uyarılarını yalnızca sistem yöneticisi düzenler.");
    }
}
