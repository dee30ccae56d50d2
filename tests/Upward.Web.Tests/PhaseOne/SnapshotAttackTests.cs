using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Upward.Core.PhaseOne;
using Upward.Data;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.PhaseOne;

/// <summary>
/// The attack of issue 16, as someone holding copies of the database would make it: k + 1 mentors
/// contribute one at a time, a copy is taken after each (SQLite: the db and -wal files byte for byte;
/// PostgreSQL: every table with xmin and ctid, the WAL segments and a pg_dump when installed), and
/// no contribution's text can be pinned on fewer than k mentors. See docs/decisions/anonymous-contributions.md.
/// </summary>
public sealed class SnapshotAttackTests(AnonymousDemoFactory factory) : IClassFixture<AnonymousDemoFactory>
{
    private const int K = 3;

    [Fact]
    public async Task Copies_taken_after_every_submission_never_narrow_an_author_below_k()
    {
        await factory.SwitchToAnonymousAsync();
        var programmeId = await factory.ProgrammeIdAsync();
        Assert.Equal(K, await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == programmeId).Select(p => p.AnonymityThreshold).SingleAsync()));
        var domains = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == programmeId).OrderBy(d => d.Position).Select(d => d.Id).ToListAsync());
        var mentee = await factory.EnrolmentIdAsync("mentee2");
        var mentors = new[] { "mentor1", "mentor2", "mentor3", "mentor4" }; // k + 1
        var mentorIds = new Dictionary<string, Guid>();
        foreach (var m in mentors) mentorIds[m] = await factory.EnrolmentIdAsync(m);

        // Each mentor's words are unique, to this run too (PostgreSQL's WAL is shared by every database
        // on the server and outlives earlier runs), so finding them in a copy's bytes is unambiguous.
        var run = Guid.NewGuid().ToString("N")[..10];
        string TextOf(string mentor, int domain) => $"Quokka{run}{mentor}Zephyr{domain}Marmalade";

        var snapshots = new List<byte[]> { await SnapshotAsync() };
        var markers = new List<HashSet<Guid>> { await MarkersAsync(mentee) };
        var sealedSoFar = new List<byte[]>();
        var sealedBeforeRelease = new List<byte[]>();
        foreach (var mentor in mentors)
        {
            var fields = domains.Select((d, i) => new[] { ($"Comments[{i}].DomainId", d.ToString()), ($"Comments[{i}].Text", TextOf(mentor, i)), ($"Comments[{i}].Rating", "") })
                .SelectMany(x => x).ToDictionary(x => x.Item1, x => x.Item2);
            var url = $"/programmes/{programmeId}/phase-one/contribute/{mentee}";
            var response = await (await factory.AsAsync(mentor)).SubmitAsync(url, fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            // "Sent" at once, whether or not the ballot could be opened yet.
            Assert.Contains("Sent", await (await factory.AsAsync(mentor)).GetStringAsync($"/programmes/{programmeId}/phase-one/contribute"));
            var pending = await factory.WithDbAsync(db => db.PendingContributions.Where(p => p.MenteeEnrolmentId == mentee).Select(p => p.Sealed).ToListAsync());
            sealedSoFar.AddRange(pending);
            if (snapshots.Count < K) sealedBeforeRelease.AddRange(pending);
            snapshots.Add(await SnapshotAsync());
            markers.Add(await MarkersAsync(mentee));
        }

        // The attacker: a text's candidate authors are the mentors whose "has contributed" record
        // appeared since the last copy in which the pool grew, up to the copy where the text first shows.
        var allTexts = mentors.SelectMany(m => domains.Select((_, i) => (Mentor: m, Text: TextOf(m, i)))).ToList();
        int? FirstSeen(string text) => Enumerable.Range(0, snapshots.Count).Cast<int?>().FirstOrDefault(s => Contains(snapshots[s!.Value], text));
        var poolGrewAt = Enumerable.Range(1, snapshots.Count - 1).Where(s => allTexts.Any(t => FirstSeen(t.Text) == s)).ToList();
        foreach (var (mentor, text) in allTexts)
        {
            var seen = FirstSeen(text);
            if (seen is null)
            {
                continue;
            }
            var previousRelease = poolGrewAt.Where(s => s < seen).DefaultIfEmpty(0).Max();
            var candidates = markers[seen.Value].Except(markers[previousRelease]).ToHashSet();
            Assert.Contains(mentorIds[mentor], candidates);
            Assert.True(candidates.Count >= K, $"{text} first shows in copy {seen} beside only {candidates.Count} new contributors");
        }

        // Concretely: nothing readable before k ballots; the first k opened together; the (k + 1)th stays sealed.
        for (var s = 0; s < K; s++)
        {
            Assert.DoesNotContain(allTexts, t => Contains(snapshots[s], t.Text));
        }
        Assert.All(allTexts.Where(t => t.Mentor != "mentor4"), t => Assert.True(Contains(snapshots[K], t.Text), $"{t.Text} should be in the pool after {K} ballots"));
        Assert.All(allTexts.Where(t => t.Mentor == "mentor4"), t => Assert.All(snapshots, copy => Assert.False(Contains(copy, t.Text))));
        Assert.Equal(K * domains.Count, await factory.WithDbAsync(db => db.AnonymousContributions.CountAsync(c => c.MenteeEnrolmentId == mentee)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.PendingContributions.CountAsync(c => c.MenteeEnrolmentId == mentee)));

        // Every sealed ballot has the same length, whatever it says, so its size cannot be matched with a released text.
        Assert.Single(sealedSoFar.Select(b => b.Length).Distinct());

        if (!TestDatabase.UsePostgres)
        {
            // SQLite: the opened ballots' ciphertext was zeroed (secure_delete) and the WAL emptied, so
            // even with the keys a copy taken after the release holds nothing to decrypt.
            var released = sealedBeforeRelease.Distinct(ByteArrayComparer.Instance).ToList();
            Assert.Equal(K - 1, released.Count);
            foreach (var ciphertext in released)
            {
                Assert.True(Contains(snapshots[K - 1], ciphertext, 64, 64), "the copy before the release should hold the sealed ballot");
                Assert.False(Contains(snapshots[K], ciphertext, 64, 64), "an opened ballot's ciphertext is still in the copy taken after its release");
            }
        }
    }

    [Fact]
    public async Task The_tables_hold_no_time_and_no_sequence()
    {
        await factory.SwitchToAnonymousAsync();
        await factory.WithDbAsync(async db =>
        {
            foreach (var type in new[] { typeof(PendingContribution), typeof(AnonymousContribution), typeof(AnonymousContributor) })
            {
                var entity = db.Model.FindEntityType(type)!;
                Assert.DoesNotContain(entity.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?) || p.ClrType == typeof(DateOnly) || p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(long) || p.ClrType == typeof(int) && p.IsPrimaryKey());
                Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never, entity.FindPrimaryKey()!.Properties.Single().ValueGenerated);
                if (!TestDatabase.UsePostgres)
                {
                    // SQLite: no hidden rowid counting insertions; rows sit in the order of their random keys.
                    var sql = await ScalarAsync(db, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{entity.GetTableName()}'");
                    Assert.Contains("WITHOUT ROWID", sql);
                }
            }
            if (!TestDatabase.UsePostgres)
            {
                Assert.Equal("1", await ScalarAsync(db, "PRAGMA secure_delete"));
            }
        });
    }

    private async Task<HashSet<Guid>> MarkersAsync(Guid mentee) =>
        (await factory.WithDbAsync(db => db.AnonymousContributors.Where(c => c.MenteeEnrolmentId == mentee).Select(c => c.MentorEnrolmentId).ToListAsync())).ToHashSet();

    /// <summary>Everything an attacker with read access to the database's storage could copy right now.</summary>
    private async Task<byte[]> SnapshotAsync()
    {
        if (!TestDatabase.UsePostgres)
        {
            var builder = new SqliteConnectionStringBuilder(factory.Database.ConnectionString) { Pooling = false };
            var path = builder.DataSource;
            // Copy the two files as of one moment, as a backup tool would: an open read transaction stops
            // SQLite restarting the -wal file over frames the db file copy has not caught (a checkpoint between
            // the two reads), and, being a connection, stops the last pooled one from deleting the -wal file
            // when the pool prunes it. Without it the copy "before the release" could miss the sealed ballot.
            await using var reader = new SqliteConnection(builder.ConnectionString);
            await reader.OpenAsync();
            await using var hold = reader.BeginTransaction(deferred: true); // a reader's lock, not a writer's
            await using (var read = reader.CreateCommand())
            {
                read.Transaction = hold;
                read.CommandText = "SELECT count(*) FROM sqlite_master";
                await read.ExecuteScalarAsync();
            }
            using var copy = new MemoryStream();
            foreach (var file in new[] { path, path + "-wal" })
            {
                if (!File.Exists(file)) continue;
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                await stream.CopyToAsync(copy);
            }
            return copy.ToArray();
        }
        var all = new StringBuilder();
        await using (var connection = new NpgsqlConnection(factory.Database.ConnectionString))
        {
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            }
            foreach (var table in tables)
            {
                await using var read = new NpgsqlCommand($"SELECT xmin::text, ctid::text, t::text FROM \"{table}\" t", connection);
                await using var reader = await read.ExecuteReaderAsync();
                while (await reader.ReadAsync()) all.Append(table).Append(' ').Append(reader.GetString(0)).Append(' ').Append(reader.GetString(1)).Append(' ').Append(reader.GetString(2)).Append('\n');
            }
        }
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(all.ToString()));
        bytes.AddRange(await WalAsync());
        bytes.AddRange(PgDump());
        return bytes.ToArray();
    }

    /// <summary>PostgreSQL's WAL segments, read through the server (the test connects as a superuser).</summary>
    private async Task<byte[]> WalAsync()
    {
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        using var wal = new MemoryStream();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT name FROM pg_ls_waldir() ORDER BY modification DESC LIMIT 2", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        }
        foreach (var name in names)
        {
            await using var read = new NpgsqlCommand("SELECT pg_read_binary_file('pg_wal/' || @name)", connection);
            read.Parameters.AddWithValue("name", name);
            try
            {
                if (await read.ExecuteScalarAsync() is byte[] segment) wal.Write(segment);
            }
            catch (PostgresException e) when (e.SqlState == "58P01")
            {
                // Other tests write to the same server: a segment listed a moment ago may have been recycled.
            }
        }
        return wal.ToArray();
    }

    /// <summary>A plain pg_dump of the test database, when the tool is installed beside the server.</summary>
    private byte[] PgDump()
    {
        var tool = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).Where(File.Exists).Order().LastOrDefault()
            : null;
        if (tool is null) return [];
        var cs = new NpgsqlConnectionStringBuilder(factory.Database.ConnectionString);
        var start = new ProcessStartInfo(tool, ["-h", cs.Host!, "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", cs.Username!, "-d", cs.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "pg_dump failed: " + process.StandardError.ReadToEnd());
        return output.ToArray();
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static bool Contains(byte[] haystack, byte[] needle, int offset, int length) => haystack.AsSpan().IndexOf(needle.AsSpan(offset, length)) >= 0;

    private static async Task<string?> ScalarAsync(UpwardDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
