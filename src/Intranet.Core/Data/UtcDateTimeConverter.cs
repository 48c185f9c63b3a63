using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Intranet.Core.Data;

/// <summary>Stores and reads every <see cref="DateTime"/> as UTC, whatever the provider does with the Kind.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
