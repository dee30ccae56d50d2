namespace Upward.Web.Tests.Infrastructure;

/// <summary>A test of something only a shared PostgreSQL server allows (several instances on one database): skipped, not passed, on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.UsePostgres)
        {
            Skip = "PostgreSQL only: run with UPWARD_TEST_DATABASE=postgres and UPWARD_TEST_POSTGRES";
        }
    }
}
