namespace Upward.Web.Tests.Infrastructure;

/// <summary>A test of something only SQLite has (its journal mode): reported as skipped, not passed, when the run is on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.UsePostgres)
        {
            Skip = "SQLite only: this run is on PostgreSQL (UPWARD_TEST_DATABASE=postgres)";
        }
    }
}
