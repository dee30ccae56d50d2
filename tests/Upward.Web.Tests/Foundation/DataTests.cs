using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Data;
using Upward.Data.Identity;
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

    [Fact]
    public async Task An_upsert_inserts_then_updates_the_same_row_and_reads_back_exactly()
    {
        _ = factory.Server;
        var hash = "upsert-" + Guid.NewGuid().ToString("N");
        var first = new SetupToken { TokenHash = hash, CreatedAtUtc = new DateTime(2026, 3, 29, 0, 59, 59, 123, DateTimeKind.Utc), ExpiresAtUtc = new DateTime(2026, 3, 30, 1, 0, 0, DateTimeKind.Utc) };
        var later = new SetupToken { TokenHash = hash, CreatedAtUtc = first.CreatedAtUtc.AddDays(1), ExpiresAtUtc = first.ExpiresAtUtc.AddDays(1), UsedAtUtc = first.ExpiresAtUtc };

        Assert.Equal(1, await factory.WithDbAsync(db => db.UpsertAsync([first], t => t.TokenHash, t => new { t.ExpiresAtUtc, t.UsedAtUtc }, CancellationToken.None)));
        await factory.WithDbAsync(db => db.UpsertAsync([later], t => t.TokenHash, t => new { t.ExpiresAtUtc, t.UsedAtUtc }, CancellationToken.None));
        // A key already taken with no columns to update leaves the row as it is.
        await factory.WithDbAsync(db => db.UpsertAsync([new SetupToken { TokenHash = hash, ExpiresAtUtc = DateTime.UnixEpoch }], t => t.TokenHash, update: null, CancellationToken.None));

        var stored = await factory.WithDbAsync(db => db.SetupTokens.AsNoTracking().Where(t => t.TokenHash == hash).ToListAsync());
        var row = Assert.Single(stored);
        Assert.Equal(first.Id, row.Id);
        Assert.Equal(first.CreatedAtUtc, row.CreatedAtUtc);
        Assert.Equal(later.ExpiresAtUtc, row.ExpiresAtUtc);
        Assert.Equal(later.UsedAtUtc, row.UsedAtUtc);
        Assert.Equal(DateTimeKind.Utc, row.ExpiresAtUtc.Kind);
    }

    [Fact]
    public async Task A_unique_key_taken_meanwhile_is_a_conflict_and_a_value_too_long_is_not()
    {
        _ = factory.Server;
        var hash = "conflict-" + Guid.NewGuid().ToString("N");
        await factory.WithDbAsync(async db =>
        {
            db.SetupTokens.Add(new SetupToken { TokenHash = hash });
            await db.SaveChangesAsync();
        });
        var taken = await Record.ExceptionAsync(() => factory.WithDbAsync(async db =>
        {
            db.SetupTokens.Add(new SetupToken { TokenHash = hash });
            await db.SaveChangesAsync();
        }));
        Assert.IsType<DbUpdateException>(taken);
        Assert.True(DatabaseConflicts.IsConflict(taken));

        var gone = await Record.ExceptionAsync(() => factory.WithDbAsync(async db =>
        {
            var token = await db.SetupTokens.SingleAsync(t => t.TokenHash == hash);
            await factory.WithDbAsync(other => other.SetupTokens.Where(t => t.TokenHash == hash).ExecuteDeleteAsync());
            db.SetupTokens.Remove(token);
            await db.SaveChangesAsync();
        }));
        Assert.True(DatabaseConflicts.IsConflict(gone!));

        if (TestDatabase.UsePostgres)
        {
            // PostgreSQL enforces column lengths (SQLite does not): a real error, not a race.
            var tooLong = await Record.ExceptionAsync(() => factory.WithDbAsync(async db =>
            {
                db.SetupTokens.Add(new SetupToken { TokenHash = new string('x', 65) });
                await db.SaveChangesAsync();
            }));
            Assert.NotNull(tooLong);
            Assert.False(DatabaseConflicts.IsConflict(tooLong));
        }
        Assert.False(DatabaseConflicts.IsConflict(new InvalidOperationException()));
    }

    [Theory]
    [InlineData("Host=db;Database=upward", 40)]
    [InlineData("Host=db;Database=upward;Maximum Pool Size=7", 7)]
    [InlineData("Host=db;Database=upward;maximum pool size=7", 7)]
    [InlineData("Host=db;Database=upward;MaxPoolSize=150", 150)]
    public void A_postgres_instance_keeps_to_40_connections_unless_told_otherwise(string given, int expected) =>
        Assert.Equal(expected, new Npgsql.NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPoolLimit(given)).MaxPoolSize);
}
