using Npgsql;

namespace Upward.Web.Tests.Infrastructure;

/// <summary>
/// Where a test's database lives: a fresh SQLite file by default, or a fresh database on the real
/// PostgreSQL server named by UPWARD_TEST_POSTGRES when UPWARD_TEST_DATABASE=postgres (scripts/test runs both).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;
    private readonly string? _postgresAdmin;

    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("UPWARD_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public TestDatabase()
    {
        if (UsePostgres)
        {
            _postgresAdmin = Environment.GetEnvironmentVariable("UPWARD_TEST_POSTGRES")
                ?? throw new InvalidOperationException("UPWARD_TEST_DATABASE=postgres needs UPWARD_TEST_POSTGRES (a connection string to a server).");
            _postgresName = "upward_test_" + Guid.NewGuid().ToString("N")[..12];
            using (var connection = new NpgsqlConnection(_postgresAdmin))
            {
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresName}", connection);
                create.ExecuteNonQuery();
            }
            Provider = "postgres";
            ConnectionString = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresName }.ConnectionString;
        }
        else
        {
            _sqliteFolder = Path.Combine(Path.GetTempPath(), "upward-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_sqliteFolder);
            Provider = "sqlite";
            ConnectionString = $"Data Source={Path.Combine(_sqliteFolder, "upward.db")}";
        }
    }

    public void Dispose()
    {
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteFolder, recursive: true); } catch (IOException) { }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }
}
