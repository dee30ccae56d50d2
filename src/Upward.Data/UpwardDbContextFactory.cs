using Microsoft.EntityFrameworkCore;

namespace Upward.Data;

/// <summary>Opens the database outside the web app's container, for the command line.</summary>
public static class UpwardDbContextFactory
{
    public static UpwardDbContext Create(DatabaseOptions options)
    {
        var connectionString = options.EffectiveConnectionString;
        return options.IsPostgres
            ? new PostgresUpwardDbContext(new DbContextOptionsBuilder<PostgresUpwardDbContext>().UseNpgsql(DatabaseRegistration.WithPoolLimit(connectionString)).Options)
            : new SqliteUpwardDbContext(new DbContextOptionsBuilder<SqliteUpwardDbContext>().UseSqlite(connectionString).Options);
    }
}
