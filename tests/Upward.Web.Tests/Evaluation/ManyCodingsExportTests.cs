using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Evaluation;

/// <summary>
/// The bundle's content analysis looks up only the answers that are redacted, coded or quoted. EF Core 10
/// sends such a list to SQLite as one parameter per id, and SQLite allows at most 32,766: a programme
/// with more codings than that could not export its bundle.
/// </summary>
public sealed class ManyCodingsExportTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task A_programme_with_more_codings_than_SQLite_has_parameters_still_exports_its_bundle()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/evaluation/export/bundle.json";
        var before = await researcher.GetStringAsync(url);

        // 33,000 codings of answers that do not exist, written with the foreign keys switched off: each is
        // looked up, none is in the bundle, so the bundle must come out unchanged.
        await factory.WithDbAsync(async db =>
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
                await db.Database.ExecuteSqlRawAsync(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 33000) " +
                    "INSERT INTO Codings (Id, ProgrammeId, AnswerId, ThemeId, CoderEnrolmentId, CodedAtUtc) " +
                    "SELECT upper(hex(randomblob(16))), {0}, upper(hex(randomblob(16))), upper(hex(randomblob(16))), upper(hex(randomblob(16))), '2026-01-01 00:00:00' FROM n", id);
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON;");
            }
            else
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await db.Database.ExecuteSqlRawAsync("SET LOCAL session_replication_role = replica;");
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"Codings\" (\"Id\", \"ProgrammeId\", \"AnswerId\", \"ThemeId\", \"CoderEnrolmentId\", \"CodedAtUtc\") " +
                    "SELECT gen_random_uuid(), {0}, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now() FROM generate_series(1, 33000)", id);
                await transaction.CommitAsync();
            }
        });

        var response = await researcher.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await response.Content.ReadAsStringAsync());
    }
}
