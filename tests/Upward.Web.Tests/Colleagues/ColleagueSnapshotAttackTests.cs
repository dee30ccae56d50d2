using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Upward.Core.PhaseOne;
using Upward.Web.Tests.Infrastructure;
using static Upward.Web.Tests.Colleagues.ColleagueSteps;

namespace Upward.Web.Tests.Colleagues;

/// <summary>
/// The snapshot attack of docs/decisions/anonymous-contributions.md against colleagues' 360° input:
/// k + 1 colleagues answer one at a time and a copy of the database's storage is taken after each.
/// Nothing in any copy may pin a colleague's words on fewer than k invitations, and no stored
/// contribution may carry the invitation's id, the colleague's address or the link's hash.
/// </summary>
public sealed class ColleagueSnapshotAttackTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const int K = 3;

    [Fact]
    public async Task Copies_after_every_answer_never_tie_a_colleagues_words_to_their_invitation()
    {
        await TurnOnAsync(factory);
        var programmeId = await factory.ProgrammeIdAsync();
        Assert.Equal(K, await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == programmeId).Select(p => p.AnonymityThreshold).SingleAsync()));
        var mentee = await factory.AsAsync("mentee2");
        var menteeId = await factory.EnrolmentIdAsync("mentee2");
        var run = Guid.NewGuid().ToString("N")[..10];
        var emails = Enumerable.Range(1, K + 1).Select(i => $"attack{i}.{run}@demo.example").ToList();
        foreach (var email in emails) Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(factory, mentee, email)).StatusCode);
        var invitations = await factory.WithDbAsync(db => db.ColleagueInvitations.AsNoTracking().Where(i => i.MenteeEnrolmentId == menteeId).ToListAsync());
        var links = emails.ToDictionary(e => e, e => LinkFor(factory, e));
        string TextOf(string email) => $"Wombat{run}{email.Split('.')[0]}Saffron";

        var snapshots = new List<byte[]> { await SnapshotAsync() };
        var answered = new List<HashSet<Guid>> { new() };
        foreach (var email in emails)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(factory, links[email], TextOf(email))).StatusCode);
            snapshots.Add(await SnapshotAsync());
            answered.Add((await factory.WithDbAsync(db => db.ColleagueInvitations.Where(i => i.MenteeEnrolmentId == menteeId && i.Answered).Select(i => i.Id).ToListAsync())).ToHashSet());
        }

        // The attacker's best guess at a text's author: the invitations marked answered since the last
        // copy in which the pool grew, up to the copy in which the text first shows.
        int? FirstSeen(string text) => Enumerable.Range(0, snapshots.Count).Cast<int?>().FirstOrDefault(s => Contains(snapshots[s!.Value], text));
        var poolGrewAt = Enumerable.Range(1, snapshots.Count - 1).Where(s => emails.Any(e => FirstSeen(TextOf(e)) == s)).ToList();
        var byEmail = invitations.ToDictionary(i => i.Email, i => i.Id);
        foreach (var email in emails)
        {
            if (FirstSeen(TextOf(email)) is not { } seen) continue;
            var previous = poolGrewAt.Where(s => s < seen).DefaultIfEmpty(0).Max();
            var candidates = answered[seen].Except(answered[previous]).ToHashSet();
            Assert.Contains(byEmail[email], candidates);
            Assert.True(candidates.Count >= K, $"{email}'s words first show beside only {candidates.Count} newly answered invitations");
        }
        // Concretely: nothing readable before k answers; the first k together; the (k + 1)th still sealed.
        for (var s = 0; s < K; s++) Assert.DoesNotContain(emails, e => Contains(snapshots[s], TextOf(e)));
        Assert.All(emails.Take(K), e => Assert.True(Contains(snapshots[K], TextOf(e))));
        Assert.All(snapshots, copy => Assert.False(Contains(copy, TextOf(emails[K]))));

        // No stored contribution, sealed or opened, carries the invitation's id, the address or the link's hash.
        var rows = await RowsAsync("PendingContributions") + await RowsAsync("AnonymousContributions");
        Assert.Contains(TextOf(emails[0]), rows);
        foreach (var invitation in invitations)
        {
            Assert.DoesNotContain(invitation.Id.ToString(), rows, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(invitation.Email, rows, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(invitation.TokenHash!, rows, StringComparison.OrdinalIgnoreCase);
        }
        // And no column of theirs could: no key to the invitations, no time.
        await factory.WithDbAsync(db =>
        {
            foreach (var type in new[] { typeof(PendingContribution), typeof(AnonymousContribution) })
            {
                var entity = db.Model.FindEntityType(type)!;
                Assert.DoesNotContain(entity.GetForeignKeys(), fk => fk.PrincipalEntityType.ClrType == typeof(Upward.Core.Colleagues.ColleagueInvitation));
                Assert.DoesNotContain(entity.GetProperties(), p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?) || p.ClrType == typeof(DateTimeOffset));
            }
            return Task.CompletedTask;
        });
        // The invitation itself records that the colleague answered, never when.
        await factory.WithDbAsync(db =>
        {
            var entity = db.Model.FindEntityType(typeof(Upward.Core.Colleagues.ColleagueInvitation))!;
            // Asked, decided (approved and sent) and expiring: all set before the colleague could answer.
            Assert.Equal(["DecidedAtUtc", "ExpiresAtUtc", "InvitedAtUtc"],
                entity.GetProperties().Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)).Select(p => p.Name).Order());
            return Task.CompletedTask;
        });
        // Nothing was audited while colleagues answered: only the requests and their approvals were.
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Subject != null && invitations.Select(i => "colleague-invitation:" + i.Id).Contains(a.Subject)
            && a.Action != Upward.Core.Auditing.AuditAction.ColleagueInvited && a.Action != Upward.Core.Auditing.AuditAction.ColleagueInvitationApproved)));
    }

    /// <summary>Everything an attacker with read access to the database's storage could copy right now.</summary>
    private async Task<byte[]> SnapshotAsync()
    {
        if (!TestDatabase.UsePostgres)
        {
            var path = new SqliteConnectionStringBuilder(factory.Database.ConnectionString).DataSource;
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
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
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
        return Encoding.UTF8.GetBytes(all.ToString());
    }

    /// <summary>Every row of a table as text, every column included, as the attacker reads it.</summary>
    private async Task<string> RowsAsync(string table) => await factory.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                text.Append(value is byte[] bytes ? Convert.ToHexString(bytes) + " " + Encoding.UTF8.GetString(bytes) : value.ToString()).Append('|');
            }
            text.Append('\n');
        }
        return text.ToString();
    });

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
