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
            services.AddDbContext<UpwardDbContext, PostgresUpwardDbContext>(o => o.UseNpgsql(connectionString));
        }
        else
        {
            services.AddDbContext<UpwardDbContext, SqliteUpwardDbContext>(o => o.UseSqlite(connectionString));
        }
        return services;
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
