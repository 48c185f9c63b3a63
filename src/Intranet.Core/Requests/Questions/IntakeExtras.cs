using System.Globalization;
using Intranet.Core.Common;
using Intranet.Core.Data;
using Intranet.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Intranet.Core.Requests;

/// <summary>What the intake form needs to know about a category: its stop-warning and its extra questions.</summary>
public sealed record CategoryIntake(int CategoryId, string? StopWarning, string? EmergencyLine, IReadOnlyList<CategoryQuestion> Questions)
{
    public bool Stops => !string.IsNullOrWhiteSpace(StopWarning);

    /// <summary>The message that stops the form.</summary>
    public string StopMessage => $"{StopWarning?.Trim()} Başvuru kaydedilmez; arayanı hemen {EmergencyLine ?? "112 Acil Çağrı"} hattına yönlendirin.";
}

/// <summary>
/// The category's part of an intake: the stop-warning refuses the request, the answers are checked against the
/// questions and kept with the request, and the CİMER type and secrecy flag are carried over. Called by
/// <see cref="RequestService.CreateAsync"/>; the page uses <see cref="Validate"/> to show the same messages early.
/// </summary>
public static class IntakeExtras
{
    public const int MaxAnswerLength = 500;

    /// <summary>The key of a question's error in <see cref="ValidationException.Fields"/>.</summary>
    public static string FieldOf(int questionId) => $"{nameof(IntakeForm.Answers)}.{questionId}";

    internal static async Task ApplyAsync(IntranetDbContext db, Request request, Category category, IntakeForm form, CancellationToken ct)
    {
        var questions = await db.Set<CategoryQuestion>().AsNoTracking().Where(q => q.CategoryId == category.Id).OrderBy(q => q.Order).ThenBy(q => q.Id).ToListAsync(ct);
        var intake = new CategoryIntake(category.Id, category.StopWarning, category.EmergencyLine, questions);
        var errors = Validate(intake, form.Answers);
        if (errors.Count > 0) throw ValidationException.For(errors);

        foreach (var q in questions)
            if (Normalize(q, form.Answers.GetValueOrDefault(q.Id)) is { } answer)
                db.Set<RequestAnswer>().Add(new RequestAnswer { Request = request, QuestionId = q.Id, Order = q.Order, Question = q.Label, Answer = answer });
        request.CimerType = form.Channel == RequestChannel.Cimer ? form.CimerType : null;
        request.IdentityConfidential = form.IdentityConfidential && form.Type == RequestType.Ihbar && form.HasCitizen;
    }

    /// <summary>One Turkish message per field: the stop-warning on the category, each wrong answer on its question.</summary>
    public static Dictionary<string, string> Validate(CategoryIntake intake, IReadOnlyDictionary<int, string?> answers)
    {
        var errors = new Dictionary<string, string>();
        if (intake.Stops)
        {
            errors[nameof(IntakeForm.CategoryId)] = intake.StopMessage;
            return errors;
        }
        foreach (var q in intake.Questions)
        {
            var raw = answers.GetValueOrDefault(q.Id)?.Trim();
            if (string.IsNullOrEmpty(raw))
            {
                if (q.Required) errors[FieldOf(q.Id)] = $"\"{q.Label}\" sorusunu yanıtlayın.";
                continue;
            }
            if (raw.Length > MaxAnswerLength) errors[FieldOf(q.Id)] = $"\"{q.Label}\" yanıtı en fazla {MaxAnswerLength} karakter olabilir.";
            else if (q.Kind == QuestionKind.Number && ParseNumber(raw) is null) errors[FieldOf(q.Id)] = $"\"{q.Label}\" için bir sayı yazın.";
            else if (q.Kind == QuestionKind.Choice && !q.ChoiceList().Contains(raw)) errors[FieldOf(q.Id)] = $"\"{q.Label}\" için listeden bir seçenek seçin.";
        }
        return errors;
    }

    /// <summary>"12,5" (Turkish) and "12.5" both read as twelve and a half; thousands separators are not accepted.</summary>
    public static decimal? ParseNumber(string text) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>The stored form of an answer: trimmed; numbers written the Turkish way.</summary>
    private static string? Normalize(CategoryQuestion q, string? raw)
    {
        raw = raw?.Trim();
        if (string.IsNullOrEmpty(raw)) return null;
        return q.Kind == QuestionKind.Number ? ParseNumber(raw)!.Value.ToString(TurkishText.Culture) : raw;
    }
}
