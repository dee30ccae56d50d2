using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Auditing;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Scheduling;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Notifications;

/// <summary>
/// Notifications as the people in them get them: through MailKit to a real SMTP connection, with a
/// one-click unsubscribe, checked again at the moment of sending, retried when the server refuses,
/// and sent once however many instances run the scheduler.
/// </summary>
public sealed class NotificationEmailTests
{
    // Tuesday 12 January 2027, 10:00 GMT: outside the quiet hours.
    private static readonly DateTimeOffset Morning = new(2027, 1, 12, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The coordinator opens, by hand, a mentors' questionnaire of the demo that nobody has answered yet; returns it.</summary>
    private static async Task<Wave> OpenMentorsWaveAsync(UpwardFactory factory)
    {
        var id = await factory.ProgrammeIdAsync();
        var wave = await factory.WithDbAsync(db => db.Waves.Where(w => w.ProgrammeId == id && !w.IsOpen && w.Audience == ProgrammeRole.Mentor
            && !db.Responses.Any(r => r.WaveId == w.Id)).OrderBy(w => w.Stage).FirstAsync());
        var coordinator = await factory.AsAsync("coordinator");
        var opened = await coordinator.SubmitAsync($"/programmes/{id}/questionnaires", new Dictionary<string, string>(), $"/programmes/{id}/questionnaires?handler=Open&waveId={wave.Id}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return wave;
    }

    /// <summary>
    /// The emails about one wave. The demo has another wave open since it was loaded, whose audience the
    /// scheduler also tells (once) on its first turn: those emails are not what these tests are about.
    /// </summary>
    private static List<MimeKit.MimeMessage> About(UpwardFactory factory, Wave wave) =>
        factory.Smtp!.Parsed().Where(m => (m.TextBody ?? "").Contains($"/questionnaires/{wave.Id}", StringComparison.Ordinal)).ToList();

    private static Task<int> ConsentedMentorsAsync(UpwardFactory factory) => factory.WithDbAsync(async db =>
    {
        var id = await factory.ProgrammeIdAsync();
        return await db.Enrolments.CountAsync(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentor && e.Status == EnrolmentStatus.Consented);
    });

    [Fact]
    public async Task A_questionnaire_opening_is_emailed_to_its_audience_with_a_link_a_stable_message_id_and_one_click_unsubscribe()
    {
        using var factory = RealServerFactory.Start(Morning);
        var wave = await OpenMentorsWaveAsync(factory);
        await factory.RunScheduledJobsAsync();

        var mentors = await ConsentedMentorsAsync(factory);
        var received = factory.MailServer.Received();
        var messages = received.Where(m => (m.TextBody ?? "").Contains($"/questionnaires/{wave.Id}", StringComparison.Ordinal)).ToList();
        Assert.Equal(mentors, messages.Count);
        var mentor1 = messages.Single(m => m.To.Mailboxes.Single().Address == "mentor1@demo.upward.example");
        Assert.StartsWith("A questionnaire is open: ", mentor1.Subject);
        Assert.Contains("Dear ", mentor1.TextBody);
        Assert.Contains($"/programmes/{wave.ProgrammeId}/questionnaires/{wave.Id}", mentor1.TextBody);
        Assert.Contains($"/programmes/{wave.ProgrammeId}/questionnaires/{wave.Id}", mentor1.HtmlBody);
        Assert.EndsWith("@upward", mentor1.MessageId);
        Assert.Equal(mentors, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal("List-Unsubscribe=One-Click", mentor1.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = mentor1.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.Contains("/unsubscribe?t=", unsubscribe);
        Assert.Contains(unsubscribe, mentor1.TextBody);

        // Recorded as sent and audited, without the words.
        var sentAudits = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.NotificationEmailSent).ToListAsync());
        Assert.Equal(received.Count, sentAudits.Count);
        Assert.All(sentAudits, a => Assert.DoesNotContain("questionnaire is open", a.Detail ?? "", StringComparison.OrdinalIgnoreCase));

        // Opening the link shows a button and changes nothing (a mail scanner following links unsubscribes nobody).
        var anonymous = factory.Browser();
        var page = await anonymous.GetAsync(unsubscribe);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Stop these emails?", await page.Content.ReadAsStringAsync());
        Assert.Empty(await factory.WithDbAsync(db => db.NotificationPreferences.ToListAsync()));

        // RFC 8058: the mail client posts "List-Unsubscribe=One-Click" to the link, signed out and without a form token.
        var oneClick = await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }))).StatusCode);
        var off = Assert.Single(await factory.WithDbAsync(db => db.NotificationPreferences.ToListAsync()));
        Assert.Equal(NotificationKind.QuestionnaireOpened, off.Kind);
        Assert.Single(await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.NotificationPreferenceChanged).ToListAsync()));

        // A token altered by one character turns nothing off.
        var forged = unsubscribe[..^2] + (unsubscribe[^2] == 'A' ? "B" : "A") + unsubscribe[^1];
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(forged, new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode);
    }

    [Fact]
    public async Task Remind_those_who_have_not_answered_skips_who_answered_before_sending_and_who_turned_it_off()
    {
        using var factory = new NotifyingFactory(Morning);
        var clock = factory.Clock!;
        var wave = await OpenMentorsWaveAsync(factory);
        await factory.RunScheduledJobsAsync();
        var mentors = await ConsentedMentorsAsync(factory);

        // mentor2 turns reminders off on the preferences page; every other kind stays on.
        var mentor2 = await factory.AsAsync("mentor2");
        var optional = NotificationKinds.All.Where(k => !NotificationKinds.IsEssential(k) && k != NotificationKind.AnswerReminder).ToList();
        var fields = optional.Select(k => new KeyValuePair<string, string>("Email", k.ToString())).ToList();
        var token = await mentor2.TokenAsync("/notifications/preferences");
        fields.Add(new("__RequestVerificationToken", token));
        Assert.Equal(HttpStatusCode.Redirect, (await mentor2.PostAsync("/notifications/preferences", new FormUrlEncodedContent(fields))).StatusCode);
        var prefs = await (await mentor2.GetAsync("/notifications/preferences")).Content.ReadAsStringAsync();
        Assert.Contains("Cannot be turned off", prefs);

        var coordinator = await factory.AsAsync("coordinator");
        var remind = await coordinator.SubmitAsync($"/programmes/{wave.ProgrammeId}/questionnaires", new Dictionary<string, string>(),
            $"/programmes/{wave.ProgrammeId}/questionnaires?handler=Remind&waveId={wave.Id}");
        Assert.Equal(HttpStatusCode.Redirect, remind.StatusCode);
        var page = await (await coordinator.GetAsync(remind.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains($"Reminders are on their way to {mentors} people who have not answered.", page);

        // mentor1 answers between the reminder being asked for and being sent.
        await factory.WithDbAsync(async db =>
        {
            var enrolment = await db.Enrolments.SingleAsync(e => e.ProgrammeId == wave.ProgrammeId && e.Role == ProgrammeRole.Mentor
                && db.Users.Any(u => u.Id == e.UserId && u.Email == "mentor1@demo.upward.example"));
            db.Responses.Add(new Response { WaveId = wave.Id, EnrolmentId = enrolment.Id, InstrumentId = wave.InstrumentId, Status = ResponseStatus.Submitted, SubmittedAtUtc = Morning.UtcDateTime });
            await db.SaveChangesAsync();
        });
        clock.Advance(TimeSpan.FromMinutes(1));
        var before = About(factory, wave).Count;
        await factory.RunScheduledJobsAsync();
        var reminders = About(factory, wave).Skip(before).ToList();
        Assert.Equal(mentors - 2, reminders.Count);
        Assert.DoesNotContain(reminders, m => m.To.Mailboxes.Single().Address is "mentor1@demo.upward.example" or "mentor2@demo.upward.example");
        var statuses = await factory.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.AnswerReminder)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.Email, n.EmailStatus }).ToListAsync());
        Assert.Equal(EmailStatus.NoLongerNeeded, statuses.Single(s => s.Email == "mentor1@demo.upward.example").EmailStatus);
        Assert.Equal(EmailStatus.TurnedOff, statuses.Single(s => s.Email == "mentor2@demo.upward.example").EmailStatus);

        // Asking again the same day reminds nobody twice.
        var again = await coordinator.SubmitAsync($"/programmes/{wave.ProgrammeId}/questionnaires", new Dictionary<string, string>(),
            $"/programmes/{wave.ProgrammeId}/questionnaires?handler=Remind&waveId={wave.Id}");
        Assert.Contains("Nobody new to remind", await (await coordinator.GetAsync(again.Headers.Location!.OriginalString)).Content.ReadAsStringAsync());

        // The in-app list shows the reminder to the person, with "New" the first time.
        var list = await (await mentor2.GetAsync("/notifications")).Content.ReadAsStringAsync();
        Assert.Contains("Reminder: ", list);
        Assert.Contains("nhsuk-tag--blue", list);
        // Seen once, they are no longer counted as new in the header.
        Assert.Contains("id=\"notifications-link\" href=\"/notifications\">Notifications</a>", await (await mentor2.GetAsync("/notifications")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refusing_mail_server_is_tried_again_later_and_night_time_mail_waits_for_the_morning()
    {
        // 22:30 GMT: in the quiet hours.
        using var factory = new NotifyingFactory(new DateTimeOffset(2027, 1, 12, 22, 30, 0, TimeSpan.Zero));
        var clock = factory.Clock!;
        var wave = await OpenMentorsWaveAsync(factory);
        await factory.RunScheduledJobsAsync();
        Assert.Empty(factory.Smtp!.Parsed());

        // 08:00 the next morning the server refuses the first message once.
        clock.SetUtcNow(new DateTimeOffset(2027, 1, 13, 8, 0, 0, TimeSpan.Zero));
        factory.Smtp.RefuseNext = 1;
        await factory.RunScheduledJobsAsync();
        var retrying = await factory.WithDbAsync(db => db.Notifications.SingleAsync(n => n.EmailStatus == EmailStatus.Pending));
        Assert.Equal(1, retrying.EmailAttempts);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(1), retrying.EmailDueAtUtc);
        var all = await factory.WithDbAsync(db => db.Notifications.CountAsync());
        Assert.Equal(all - 1, factory.Smtp.Parsed().Count);

        clock.Advance(TimeSpan.FromMinutes(1));
        await factory.RunScheduledJobsAsync();
        Assert.Equal(all, factory.Smtp.Parsed().Count);
        Assert.Equal(all, factory.Smtp.Parsed().Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(await ConsentedMentorsAsync(factory), About(factory, wave).Count);
    }

    [Fact]
    public async Task Two_instances_running_the_scheduler_at_once_send_each_message_once()
    {
        using var factory = new NotifyingFactory(Morning);
        var wave = await OpenMentorsWaveAsync(factory);
        // A second instance of Upward on the same database: its own scheduler, its own name on the leases.
        var other = ActivatorUtilities.CreateInstance<Scheduler>(factory.Services);
        var mine = factory.Services.GetRequiredService<Scheduler>();
        await Task.WhenAll(mine.RunDueAsync(CancellationToken.None), other.RunDueAsync(CancellationToken.None), mine.RunDueAsync(CancellationToken.None));
        // Which job each runner takes first is a race: the sender may have had its turn before the
        // reminders were added, and then waits for its next turn. So a second turn, again racing,
        // must finish the work; across both, nothing may be sent twice.
        factory.Clock!.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(mine.RunDueAsync(CancellationToken.None), other.RunDueAsync(CancellationToken.None), mine.RunDueAsync(CancellationToken.None));

        var messages = factory.Smtp!.Parsed();
        Assert.Equal(await factory.WithDbAsync(db => db.Notifications.CountAsync()), messages.Count);
        Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(await ConsentedMentorsAsync(factory), About(factory, wave).Count);
    }

    [Fact]
    public async Task A_message_claimed_by_an_instance_that_stopped_is_sent_once_its_claim_lapses_and_a_sent_one_never_again()
    {
        using var factory = new NotifyingFactory(Morning);
        var clock = factory.Clock!;
        var wave = await OpenMentorsWaveAsync(factory);
        // An instance claimed every message about the wave and was killed before sending any.
        await factory.WithDbAsync(db => db.Notifications.Where(n => n.About == wave.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailClaimedUntilUtc, Morning.UtcDateTime.AddMinutes(5))));
        await factory.RunScheduledJobsAsync();
        Assert.Empty(About(factory, wave));

        clock.Advance(TimeSpan.FromMinutes(5));
        await factory.RunScheduledJobsAsync();
        var mentors = await ConsentedMentorsAsync(factory);
        Assert.Equal(mentors, About(factory, wave).Count);

        clock.Advance(TimeSpan.FromHours(1));
        await factory.RunScheduledJobsAsync();
        Assert.Equal(mentors, About(factory, wave).Count);
    }

    [Fact]
    public async Task A_message_that_cannot_be_sent_gives_up_after_its_tries_and_never_holds_up_the_others()
    {
        using var factory = new NotifyingFactory(Morning);
        var clock = factory.Clock!;
        // A person whose stored address MimeKit cannot parse (nothing in Upward lets one in; an import or a hand edit might).
        var broken = await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "mentor1@demo.upward.example");
            user.Email = "not an address";
            await db.SaveChangesAsync();
            return user.Id;
        });
        var wave = await OpenMentorsWaveAsync(factory);
        await factory.RunScheduledJobsAsync();
        var mentors = await ConsentedMentorsAsync(factory);
        Assert.Equal(mentors - 1, About(factory, wave).Count);

        foreach (var wait in Upward.Core.Notifications.Delivery.Backoff)
        {
            clock.Advance(wait);
            await factory.RunScheduledJobsAsync();
        }
        var stuck = await factory.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == broken && n.About == wave.Id));
        Assert.Equal(EmailStatus.Failed, stuck.EmailStatus);
        Assert.Equal(Upward.Core.Notifications.Delivery.Backoff.Count + 1, stuck.EmailAttempts);
        Assert.Single(await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.NotificationEmailFailed && a.Subject == $"notification:{stuck.Id}").ToListAsync()));
    }
}
