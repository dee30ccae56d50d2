namespace Upward.Data;

/// <summary>Which database Upward uses: configuration section "Upward:Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Upward:Database";
    public const string DefaultSqliteConnection = "Data Source=data/upward.db";

    /// <summary>"sqlite" (the default: a file under data/) or "postgres".</summary>
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>An ADO.NET connection string; for SQLite it defaults to data/upward.db.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => DatabaseProvider.IsPostgres(Provider);

    public string EffectiveConnectionString =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : IsPostgres ? throw new InvalidOperationException(
            "Upward:Database:Provider is postgres but no connection string is set: set Upward__Database__ConnectionString.")
        : DefaultSqliteConnection;
}

/// <summary>The providers Upward has migrations for.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static bool IsPostgres(string? provider) =>
        string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase)
        || string.Equals(provider, "postgresql", StringComparison.OrdinalIgnoreCase)
        || string.Equals(provider, "npgsql", StringComparison.OrdinalIgnoreCase);

    public static bool IsKnown(string? provider) =>
        IsPostgres(provider) || string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
