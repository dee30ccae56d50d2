using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

/// <summary>Runs on SQLite and, under scripts/test, on a real PostgreSQL server with the same migrations.</summary>
public sealed class DataTests(UpwardFactory factory) : IClassFixture<UpwardFactory>
{
    [Fact]
    public async Task Migrations_are_applied_at_start()
    {
        _ = factory.Server;
        var pending = await factory.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        var applied = await factory.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());

        Assert.Empty(pending);
        Assert.NotEmpty(applied);
        Assert.Equal(TestDatabase.UsePostgres, await factory.WithDbAsync(db => Task.FromResult(db.Database.IsNpgsql())));
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_removed()
    {
        _ = factory.Server;
        await factory.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { Action = "test.appended", Subject = "test:1" });
            await db.SaveChangesAsync();
        });

        var update = await Record.ExceptionAsync(() => factory.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.Action == "test.appended").ExecuteUpdateAsync(s => s.SetProperty(a => a.Subject, "test:2"))));
        var delete = await Record.ExceptionAsync(() => factory.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.Action == "test.appended").ExecuteDeleteAsync()));

        Assert.NotNull(update);
        Assert.Contains("append-only", update.ToString());
        Assert.NotNull(delete);
        Assert.Contains("append-only", delete.ToString());
        Assert.Equal("test:1", await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "test.appended").Select(a => a.Subject).SingleAsync()));
    }

    [SqliteFact]
    public async Task Sqlite_database_runs_in_wal_mode()
    {
        _ = factory.Server;
        var mode = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        Assert.Equal("wal", mode.Single());
    }
}
