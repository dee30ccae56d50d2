using Microsoft.EntityFrameworkCore;

namespace Upward.Data;

/// <summary>Brings a database to the current schema: used at web start and by <c>upward db migrate</c>.</summary>
public static class DatabaseMigrator
{
    /// <summary>Applies pending migrations; returns the names of those applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(UpwardDbContext db, CancellationToken cancellationToken = default)
    {
        var isSqlite = db.Database.IsSqlite();
        if (isSqlite)
        {
            DatabaseRegistration.EnsureSqliteFolder(db.Database.GetConnectionString()!);
        }

        // Until the first release the migrations are squashed into one (scripts/squash-migrations), so
        // a database made by an earlier development build knows a migration this build does not.
        // Migrating it would fail half-way on "table already exists"; say what to do instead.
        var known = db.Database.GetMigrations().ToHashSet();
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownSchemaException(unknown);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);

        if (isSqlite)
        {
            // WAL lets readers carry on while an answer is being saved; the mode is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        return pending;
    }
}
