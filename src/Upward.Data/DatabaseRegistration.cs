using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Upward.Data;

/// <summary>Registers <see cref="UpwardDbContext"/> on the configured provider.</summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddUpwardDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        if (!DatabaseProvider.IsKnown(options.Provider))
        {
            throw new InvalidOperationException(
                $"Upward:Database:Provider is '{options.Provider}'; use '{DatabaseProvider.Sqlite}' or '{DatabaseProvider.Postgres}'.");
        }

        services.AddSingleton(options);
        var connectionString = options.EffectiveConnectionString;
        if (options.IsPostgres)
        {
            services.AddDbContext<UpwardDbContext, PostgresUpwardDbContext>((services, o) => o.UseNpgsql(WithPoolLimit(connectionString)).AddInterceptors(StampsFrom(services)));
        }
        else
        {
            services.AddDbContext<UpwardDbContext, SqliteUpwardDbContext>((services, o) => o.UseSqlite(connectionString).AddInterceptors(StampsFrom(services)));
        }
        return services;
    }

    /// <summary>The clock the app runs on (a test's replaced one included) stamps new rows.</summary>
    private static ClockStamps StampsFrom(IServiceProvider services) => new(services.GetService<TimeProvider>() ?? TimeProvider.System);

    /// <summary>The connections one instance may hold when the connection string does not say.</summary>
    public const int DefaultMaxPoolSize = 40;

    /// <remarks>
    /// Npgsql's own default pool (100) is as large as PostgreSQL's default max_connections (100, three
    /// of them kept for superusers): under a burst of saves one instance could take every connection
    /// the server allows, and the next request, a second instance or a backup would be refused. Each
    /// instance keeps to <see cref="DefaultMaxPoolSize"/> unless the operator sets Maximum Pool Size;
    /// requests beyond it wait for a connection instead of failing.
    /// </remarks>
    public static string WithPoolLimit(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var saysPoolSize = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .Any(k => k is "maximumpoolsize" or "maxpoolsize");
        return saysPoolSize ? connectionString : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = DefaultMaxPoolSize }.ConnectionString;
    }

    /// <summary>Creates the folder of a SQLite file database so that the first start needs no set-up.</summary>
    internal static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
