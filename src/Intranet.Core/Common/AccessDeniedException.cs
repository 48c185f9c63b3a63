namespace Intranet.Core.Common;

/// <summary>The acting user may not do this; the message is Turkish and safe to show.</summary>
public sealed class AccessDeniedException(string message = "Bu işlem için yetkiniz yok.") : Exception(message);

/// <summary>
/// Input that breaks a rule; the message is Turkish and safe to show. <see cref="Fields"/> maps a form field's name to
/// its own message, so a form can show each next to its field and keep everything the user typed.
/// </summary>
public sealed class ValidationException(string message, IReadOnlyDictionary<string, string>? fields = null) : Exception(message)
{
    public IReadOnlyDictionary<string, string> Fields { get; } = fields ?? new Dictionary<string, string>();

    public static ValidationException For(IReadOnlyDictionary<string, string> fields) =>
        new(string.Join(" ", fields.Values), fields);
}

/// <summary>Someone else saved the record first; <see cref="Current"/> describes what they saved.</summary>
public sealed class ConcurrencyConflictException(string message, string? current = null) : Exception(message)
{
    public string? Current { get; } = current;
}
