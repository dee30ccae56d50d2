using Microsoft.EntityFrameworkCore;
using Upward.Data;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

/// <summary>A database from another build is refused untouched, on whichever provider the tests run (scripts/test runs both).</summary>
public sealed class UnknownSchemaTests(UpwardFactory factory) : IClassFixture<UpwardFactory>
{
    [Fact]
    public async Task A_migration_this_build_does_not_know_is_refused_and_nothing_is_migrated()
    {
        factory.CreateClient().Dispose();
        await factory.WithDbAsync(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20200101000000_Older', '10.0.0')");
        });

        await factory.WithDbAsync(async db =>
        {
            var refused = await Assert.ThrowsAsync<UnknownSchemaException>(() => DatabaseMigrator.MigrateAsync(db));
            Assert.Equal(["20200101000000_Older"], refused.UnknownMigrations);
            Assert.Contains("has not been changed", refused.Message);
            Assert.Equal(db.Database.GetMigrations().Count() + 1, (await db.Database.GetAppliedMigrationsAsync()).Count());
        });
    }
}
