using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Upward.Data;

/// <summary>Marks DateTimes read from the database as UTC (SQLite loses the kind; Npgsql insists on it).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
