using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Notifications;
using Upward.Data;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Notifications;

/// <summary>
/// Upward as its own process, killed (SIGKILL) while the mail server holds a message unanswered, then
/// started again on the same database: every message arrives, and none twice.
/// </summary>
public sealed class DeliveryRestartTests
{
    private const int Queued = 40;

    /// <summary>Starts the built web app (the copy beside this test assembly) as a child process, configured by environment.</summary>
    private static Process Start(TestDatabase database, SmtpSink sink)
    {
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "Upward.Web.dll")])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["DOTNET_USE_POLLING_FILE_WATCHER"] = "1",
            ["Upward__Database__Provider"] = database.Provider,
            ["Upward__Database__ConnectionString"] = database.ConnectionString,
            ["Upward__Demo"] = "true",
            ["Upward__Email__SmtpHost"] = "127.0.0.1",
            ["Upward__Email__SmtpPort"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Upward__Email__SmtpSecurity"] = "none",
            ["Upward__Scheduler__TickSeconds"] = "1",
            ["Upward__Scheduler__LeaseSeconds"] = "5",
            ["Upward__Notifications__ClaimSeconds"] = "5",
            ["Upward__Notifications__SendEverySeconds"] = "1",
            ["Upward__Notifications__EmailsPerMinute"] = "6000",
            // No quiet hours: this test runs on the real clock, at whatever hour.
            ["Upward__Notifications__QuietFrom"] = "00:00",
            ["Upward__Notifications__QuietUntil"] = "00:00",
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        // Drain the output so the child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<T> WithDbAsync<T>(TestDatabase database, Func<UpwardDbContext, Task<T>> work)
    {
        await using var db = UpwardDbContextFactory.Create(new DatabaseOptions { Provider = database.Provider, ConnectionString = database.ConnectionString });
        return await work(db);
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return;
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
            {
                // The app is still creating its database.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"Waited two minutes for {what}");
    }

    [Fact]
    public async Task Killed_while_the_mail_server_holds_a_message_and_started_again_every_message_arrives_once()
    {
        using var database = new TestDatabase();
        using var sink = new SmtpSink { HoldAfter = 10 };
        var first = Start(database, sink);
        try
        {
            await Until(() => WithDbAsync(database, db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.DemoLoaded)), "the demo to load");
            await WithDbAsync(database, async db =>
            {
                var people = await db.Users.Where(u => u.Email!.EndsWith("@demo.upward.example")).Select(u => new { u.Id, u.OrganisationId }).ToListAsync();
                for (var i = 0; i < Queued; i++)
                {
                    var person = people[i % people.Count];
                    db.Notifications.Add(new Notification
                    {
                        OrganisationId = person.OrganisationId ?? Guid.Empty, UserId = person.Id, Kind = NotificationKind.WeeklyDigest,
                        Key = $"restart-test:{i}", Subject = $"Message {i}", Body = "A test of delivery across a restart.", Link = "/",
                        CreatedAtUtc = DateTime.UtcNow, EmailDueAtUtc = DateTime.UtcNow,
                    });
                }
                return await db.SaveChangesAsync();
            });

            await sink.Holding.WaitAsync(TimeSpan.FromSeconds(120));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        finally
        {
            if (!first.HasExited) first.Kill(entireProcessTree: true);
        }
        // The message the server held was never accepted; the connection goes with the killed sender.
        sink.Release();
        Assert.Equal(10, sink.Messages.Count);

        var second = Start(database, sink);
        try
        {
            await Until(() => WithDbAsync(database, db => db.Notifications.AllAsync(n => n.EmailStatus != EmailStatus.Pending)), "every message to be sent");
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        var notifications = await WithDbAsync(database, db => db.Notifications.ToListAsync());
        Assert.True(notifications.Count >= Queued);
        Assert.All(notifications, n => Assert.Equal(EmailStatus.Sent, n.EmailStatus));
        var ids = sink.Parsed().Select(m => m.MessageId).ToList();
        Assert.Equal(notifications.Count, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(notifications.Select(n => $"{n.Id:N}@upward").Order(), ids.Order());
    }
}
