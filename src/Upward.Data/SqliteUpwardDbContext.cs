using Microsoft.EntityFrameworkCore;

namespace Upward.Data;

/// <summary>
/// The SQLite flavour of <see cref="UpwardDbContext"/>: owns Migrations/Sqlite, and lets one
/// SaveChanges at a time write to the file.
/// </summary>
/// <remarks>
/// SQLite has a single writer. When two writers collide the loser gets SQLITE_BUSY and
/// Microsoft.Data.Sqlite retries after sleeping, which under many respondents saving at once
/// costs far more than waiting in an in-memory queue (bench/wrk: about four times the throughput).
/// Writes outside SaveChanges and WriteAtomicallyAsync (a lone ExecuteUpdate) still rely on that retry.
/// </remarks>
public sealed class SqliteUpwardDbContext(DbContextOptions<SqliteUpwardDbContext> options) : UpwardDbContext(options)
{
    public override string OrdinalCollation => "BINARY";

    // One queue per process suits the embedded default: one process, one database file.
    private static readonly SemaphoreSlim WriteTurn = new(1, 1);

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(SqliteConnectionPragmas.Instance);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        WriteTurn.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            WriteTurn.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await WriteTurn.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            WriteTurn.Release();
        }
    }

    /// <remarks>
    /// The transaction runs in the write turn: SaveChanges inside it skips the turn (it is already
    /// held), and reads inside it see every write that came before, since no other writer can start.
    /// </remarks>
    public override async Task<T> WriteAtomicallyAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await work(ct);
        }
        await WriteTurn.WaitAsync(ct);
        try
        {
            return await base.WriteAtomicallyAsync(work, ct);
        }
        finally
        {
            WriteTurn.Release();
        }
    }
}
