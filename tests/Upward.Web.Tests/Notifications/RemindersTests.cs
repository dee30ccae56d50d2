using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Notifications;

/// <summary>The reminders that keep a programme moving, each sent when its day comes and never twice: pairs, invitations, the weekly digest.</summary>
public sealed class RemindersTests
{
    // Tuesday 12 January 2027, 10:00 GMT.
    private static readonly DateTimeOffset Start = new(2027, 1, 12, 10, 0, 0, TimeSpan.Zero);

    private static async Task<List<Pairing>> AllocateAsync(UpwardFactory factory, Guid id)
    {
        var coordinator = await factory.AsAsync("coordinator");
        await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Random&Seed=7",
            new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "7" }, $"/programmes/{id}/allocation?handler=Confirm");
        return await factory.WithDbAsync(db => db.Pairings.Where(p => p.ProgrammeId == id && p.Status == PairingStatus.Active).ToListAsync());
    }

    private static Task<List<Notification>> OfKindAsync(UpwardFactory factory, NotificationKind kind) =>
        factory.WithDbAsync(db => db.Notifications.Where(n => n.Kind == kind).ToListAsync());

    [Fact]
    public async Task Pairs_are_reminded_the_day_before_a_session_and_when_no_session_is_agreed_then_their_coordinator()
    {
        using var factory = new UpwardFactory { Demo = true, Clock = new FakeTimeProvider(Start) };
        var clock = factory.Clock!;
        var id = await factory.ProgrammeIdAsync();
        var pairs = await AllocateAsync(factory, id);
        Assert.True(pairs.Count >= 2);
        // Allocation tells each person in Upward too, with the email it has already sent.
        var allocated = await OfKindAsync(factory, NotificationKind.AllocationConfirmed);
        Assert.Equal(2 * pairs.Count, allocated.Count);
        Assert.All(allocated, n => Assert.Equal(EmailStatus.Sent, n.EmailStatus));

        // The first pair agrees a session on Friday 15 January at 14:00.
        var met = pairs[0];
        var session = new MentoringSession
        {
            PairingId = met.Id, Number = 1, StartsAtUtc = new DateTime(2027, 1, 15, 14, 0, 0, DateTimeKind.Utc), TimeLimitMinutes = 60,
            Place = "Seminar room 2", Status = SessionStatus.Agreed,
        };
        await factory.WithDbAsync(db => { db.MentoringSessions.Add(session); return db.SaveChangesAsync(); });

        clock.SetUtcNow(new DateTimeOffset(2027, 1, 14, 8, 59, 0, TimeSpan.Zero));
        await factory.RunScheduledJobsAsync();
        Assert.Empty(await OfKindAsync(factory, NotificationKind.SessionTomorrow));
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 14, 9, 0, 0, TimeSpan.Zero));
        await factory.RunScheduledJobsAsync();
        var tomorrow = await OfKindAsync(factory, NotificationKind.SessionTomorrow);
        Assert.Equal(2, tomorrow.Count);
        Assert.All(tomorrow, n => Assert.Contains("14:00, at Seminar room 2", n.Body));
        Assert.Equal(2, factory.Sent().Count(m => m.Subject == "Your reverse mentoring session is tomorrow"));

        // Thirteen days after pairing nothing; fourteen, both sides of every pair that has not started.
        clock.SetUtcNow(Start.AddDays(13));
        await factory.RunScheduledJobsAsync();
        Assert.Empty(await OfKindAsync(factory, NotificationKind.NoSessionAgreed));
        clock.SetUtcNow(Start.AddDays(14).AddMinutes(1));
        await factory.RunScheduledJobsAsync();
        var nudged = await OfKindAsync(factory, NotificationKind.NoSessionAgreed);
        Assert.Equal(2 * (pairs.Count - 1), nudged.Count);
        Assert.DoesNotContain(nudged, n => n.About == met.Id);
        Assert.Empty(await OfKindAsync(factory, NotificationKind.PairWithoutSession));

        // A pair that records a session before the coordinator is told drops out of the coordinator's reminder.
        var late = pairs[1];
        await factory.WithDbAsync(db =>
        {
            db.MentoringSessions.Add(new MentoringSession { PairingId = late.Id, Number = 1, StartsAtUtc = Start.AddDays(20).UtcDateTime, TimeLimitMinutes = 60, Place = "Video", Status = SessionStatus.Held });
            return db.SaveChangesAsync();
        });
        // The after-phase-2 questionnaires open: the pair that has held its session is asked to answer them.
        var afterWaves = await factory.WithDbAsync(async db =>
        {
            var waves = await db.Waves.Where(w => w.ProgrammeId == id && w.Stage == Upward.Core.Questionnaires.Stage.AfterPhase2).ToListAsync();
            foreach (var w in waves) w.Open(Start.UtcDateTime);
            await db.SaveChangesAsync();
            return waves.Select(w => w.Id).ToList();
        });
        clock.SetUtcNow(Start.AddDays(28).AddMinutes(2));
        await factory.RunScheduledJobsAsync();
        var lateUsers = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == late.MentorEnrolmentId || e.Id == late.MenteeEnrolmentId).Select(e => e.UserId).ToListAsync());
        var afterSessions = await OfKindAsync(factory, NotificationKind.AfterSessionQuestionnaire);
        Assert.NotEmpty(afterSessions);
        Assert.All(afterSessions, n => Assert.Contains(n.UserId, lateUsers));
        Assert.All(afterSessions, n => Assert.Contains(n.About!.Value, afterWaves));
        var coordinators = await OfKindAsync(factory, NotificationKind.PairWithoutSession);
        Assert.Equal(pairs.Count - 2, coordinators.Select(n => n.About).Distinct().Count());
        Assert.DoesNotContain(coordinators, n => n.About == met.Id || n.About == late.Id);

        // Running again finds nothing new.
        var count = await factory.WithDbAsync(db => db.Notifications.CountAsync());
        clock.Advance(TimeSpan.FromMinutes(5));
        await factory.RunScheduledJobsAsync();
        Assert.Equal(count, await factory.WithDbAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task An_unanswered_invitation_is_reminded_once_with_a_fresh_link_that_works()
    {
        using var factory = new UpwardFactory { Demo = true, Clock = new FakeTimeProvider(Start) };
        var clock = factory.Clock!;
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        await coordinator.SubmitAsync($"/programmes/{id}/invite",
            new Dictionary<string, string> { ["Input.Name"] = "Pat Example", ["Input.Email"] = "pat.example@example.nhs.uk", ["Input.Role"] = "Mentee" });
        var first = Forms.LinkIn(factory.Sent().Last().TextBody, "/invitations/");

        clock.Advance(TimeSpan.FromDays(3));
        await factory.RunScheduledJobsAsync();
        Assert.DoesNotContain(factory.Sent(), m => m.Subject!.StartsWith("Reminder: Invitation", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromDays(1));
        await factory.RunScheduledJobsAsync();
        var reminder = Assert.Single(factory.Sent(), m => m.Subject!.StartsWith("Reminder: Invitation", StringComparison.Ordinal));
        Assert.Contains("the only one we will send", reminder.TextBody);
        var fresh = Forms.LinkIn(reminder.TextBody, "/invitations/");
        Assert.NotEqual(first, fresh);
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser().GetAsync(fresh)).StatusCode);

        clock.Advance(TimeSpan.FromDays(5));
        await factory.RunScheduledJobsAsync();
        Assert.Single(factory.Sent(), m => m.Subject!.StartsWith("Reminder: Invitation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Coordinators_get_a_weekly_digest_on_monday_morning_with_counts_and_no_words()
    {
        using var factory = new UpwardFactory { Demo = true, Clock = new FakeTimeProvider(Start) };
        var clock = factory.Clock!;
        var id = await factory.ProgrammeIdAsync();
        await factory.RunScheduledJobsAsync();
        Assert.Empty(await OfKindAsync(factory, NotificationKind.WeeklyDigest));

        // Monday 18 January 2027 at 09:00 GMT.
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 18, 9, 0, 0, TimeSpan.Zero));
        await factory.RunScheduledJobsAsync();
        var digest = Assert.Single(await OfKindAsync(factory, NotificationKind.WeeklyDigest), n => n.ProgrammeId == id);
        Assert.Contains("Consent: ", digest.Body);
        Assert.Contains("Concerns: ", digest.Body);
        var coordinator = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "coordinator@demo.upward.example"));
        Assert.Equal(coordinator.Id, digest.UserId);

        clock.Advance(TimeSpan.FromHours(3));
        await factory.RunScheduledJobsAsync();
        Assert.Single(await OfKindAsync(factory, NotificationKind.WeeklyDigest), n => n.ProgrammeId == id);
    }
}
