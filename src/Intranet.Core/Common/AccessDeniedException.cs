namespace Intranet.Core.Common;

/// <summary>The acting user may not do this; the message is Turkish and safe to show.</summary>
public sealed class AccessDeniedException(string message = "Bu işlem için yetkiniz yok.") : Exception(message);

/// <summary>Input that breaks a rule; the message is Turkish, names the field and is safe to show.</summary>
public sealed class ValidationException(string message) : Exception(message);

/// <summary>Someone else saved the record first; <see cref="Current"/> describes what they saved.</summary>
public sealed class ConcurrencyConflictException(string message, string? current = null) : Exception(message)
{
    public string? Current { get; } = current;
}
