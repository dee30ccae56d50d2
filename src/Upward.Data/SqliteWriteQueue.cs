using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Upward.Data;

/// <summary>
/// Lets one SaveChanges at a time write to a SQLite file, the rest waiting their turn in memory.
/// SQLite has a single writer; when two collide the loser gets SQLITE_BUSY and Microsoft.Data.Sqlite
/// retries after sleeping, which under many concurrent respondents costs far more than queueing.
/// Writes made outside SaveChanges (ExecuteUpdate, explicit transactions) still rely on that retry.
/// </summary>
public sealed class SqliteWriteQueue : SaveChangesInterceptor
{
    // One queue per process is right for the embedded default: one process, one database file.
    private static readonly SemaphoreSlim Turn = new(1, 1);
    private bool holding;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!holding && eventData.Context?.Database.CurrentTransaction is null)
        {
            await Turn.WaitAsync(cancellationToken);
            holding = true;
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (!holding && eventData.Context?.Database.CurrentTransaction is null)
        {
            Turn.Wait();
            holding = true;
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Release(result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) => Release(result);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(0);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(0);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(0);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(0);

    private int Release(int result)
    {
        if (holding)
        {
            holding = false;
            Turn.Release();
        }
        return result;
    }
}
