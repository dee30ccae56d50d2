using Microsoft.EntityFrameworkCore;

namespace Upward.Data;

/// <summary>Opens the database outside the web app's container, for the command line.</summary>
public static class UpwardDbContextFactory
{
    public static UpwardDbContext Create(DatabaseOptions options, TimeProvider? clock = null)
    {
        var connectionString = options.EffectiveConnectionString;
        var stamps = new ClockStamps(clock ?? TimeProvider.System);
        return options.IsPostgres
            ? new PostgresUpwardDbContext(new DbContextOptionsBuilder<PostgresUpwardDbContext>().UseNpgsql(DatabaseRegistration.WithPoolLimit(connectionString)).AddInterceptors(stamps).Options)
            : new SqliteUpwardDbContext(new DbContextOptionsBuilder<SqliteUpwardDbContext>().UseSqlite(connectionString).AddInterceptors(stamps).Options);
    }
}
