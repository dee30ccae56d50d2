using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Evaluation;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Timeline;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.Notifications;

namespace Upward.Web.Tests.Waitlist;

/// <summary>
/// Mentees of a waitlist control or stepped wedge are told their own start, by email and in Upward, when
/// the coordinator releases the arms or schedule and when a later arm or step starts: once each, only
/// about themselves, and not by email to whoever turned it off. "Before, again" goes on the timeline with
/// the dates the design implies, and the timeline opens it for those who waited.
/// </summary>
public sealed class StartNoticeTests
{
    // Tuesday 12 January 2027, 10:00 GMT: outside the quiet hours.
    private static readonly DateTimeOffset Morning = new(2027, 1, 12, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 1, 12);
    private const string Primary = "mentee:awareness:before:after";

    private static readonly Dictionary<string, string> DepartmentOf = new()
    {
        ["mentee1"] = "Cardiology", ["mentee2"] = "Cardiology",
        ["mentee3"] = "Maternity", ["mentee4"] = "Maternity",
        ["mentee5"] = "Radiology", ["mentor4"] = "Radiology",
    };

    private static async Task<Guid> ProgrammeAsync(UpwardFactory factory, string name, string design)
    {
        var id = await WaitlistProgramme.CreateAsync(factory, name);
        var coordinator = await factory.AsAsync("coordinator");
        var saved = await coordinator.SubmitAsync($"/programmes/{id}/analysis-plan",
            new Dictionary<string, string> { ["Input.Design"] = design, ["Input.Primary"] = Primary, ["Input.Alpha"] = "0.05" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return id;
    }

    /// <summary>Each mentee's display name, email and participant code in the programme.</summary>
    private static Task<List<(string Who, string Name, string Email, string Code, int Step)>> MenteesAsync(UpwardFactory factory, Guid id) => factory.WithDbAsync(async db =>
    {
        var rows = await (from a in db.ArmAssignments
                          join e in db.Enrolments on a.EnrolmentId equals e.Id
                          join u in db.Users on e.UserId equals u.Id
                          where a.ProgrammeId == id
                          select new { u.DisplayName, u.Email, e.ParticipantCode, a.Step }).ToListAsync();
        return rows.Select(r => (r.Email!.Split('@')[0], r.DisplayName, r.Email!, r.ParticipantCode!, r.Step)).ToList();
    });

    /// <summary>Turns one kind off by email on the person's preferences page, every other optional kind left on.</summary>
    private static async Task TurnOffAsync(UpwardFactory factory, string who, NotificationKind kind)
    {
        var client = await factory.AsAsync(who);
        var fields = NotificationKinds.All.Where(k => !NotificationKinds.IsEssential(k) && k != kind)
            .Select(k => new KeyValuePair<string, string>("Email", k.ToString())).ToList();
        fields.Add(new("__RequestVerificationToken", await client.TokenAsync("/notifications/preferences")));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/notifications/preferences", new FormUrlEncodedContent(fields))).StatusCode);
    }

    /// <summary>No message names, addresses or codes any mentee but its reader.</summary>
    private static void AboutTheReaderAlone(IEnumerable<MimeKit.MimeMessage> messages, List<(string Who, string Name, string Email, string Code, int Step)> mentees)
    {
        foreach (var m in messages)
        {
            var to = m.To.Mailboxes.Single().Address;
            foreach (var other in mentees.Where(x => x.Email != to))
            {
                var text = m.Subject + "\n" + m.TextBody + "\n" + m.HtmlBody;
                Assert.DoesNotContain(other.Name, text);
                Assert.DoesNotContain(other.Email, text);
                Assert.DoesNotContain(other.Code, text);
            }
        }
    }

    /// <summary>A minute passes and the scheduler's jobs run (each runs at most once a minute).</summary>
    private static Task RunAsync(UpwardFactory factory)
    {
        factory.Clock!.Advance(TimeSpan.FromMinutes(1));
        return factory.RunScheduledJobsAsync();
    }

    [Fact]
    public async Task Releasing_a_waitlist_emails_each_mentee_their_own_arm_once_through_a_real_mail_server()
    {
        using var factory = RealServerFactory.Start(Morning);
        var id = await ProgrammeAsync(factory, "Waitlist told", AnalysisPlan.WaitlistControl);
        await TurnOffAsync(factory, "mentee3", NotificationKind.StartTold);
        var coordinator = await factory.AsAsync("coordinator");
        var page = $"/programmes/{id}/waitlist";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Seed"] = "99" }, $"{page}?handler=Randomise")).StatusCode);
        // Nothing is told before the release.
        await RunAsync(factory);
        Assert.DoesNotContain(factory.MailServer.Received(), m => (m.Subject ?? "").StartsWith("When you start", StringComparison.Ordinal));

        // Released twice at once, then once more: one notification a mentee.
        var twice = await coordinator.SubmitAtOnceAsync(2, page, new Dictionary<string, string>(), $"{page}?handler=Release");
        Assert.All(twice, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(page, new Dictionary<string, string>(), $"{page}?handler=Release")).StatusCode);
        await RunAsync(factory);
        await RunAsync(factory);

        var mentees = await MenteesAsync(factory, id);
        Assert.Equal(6, mentees.Count);
        Assert.Equal(6, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.ProgrammeId == id && n.Kind == NotificationKind.StartTold)));
        var told = factory.MailServer.Received().Where(m => m.Subject == "When you start: Waitlist told").ToList();
        // mentee3 turned it off: five emails, one for each other mentee, each their own.
        Assert.Equal(5, told.Count);
        Assert.Equal(mentees.Where(m => m.Who != "mentee3").Select(m => m.Email).Order(), told.Select(m => m.To.Mailboxes.Single().Address).Order());
        foreach (var message in told)
        {
            var mentee = mentees.Single(m => m.Email == message.To.Mailboxes.Single().Address);
            if (mentee.Step == 1)
            {
                Assert.Contains("In Waitlist told, you start now: you will be paired with a mentor in this round", message.TextBody);
                Assert.DoesNotContain("waiting", message.TextBody);
            }
            else
            {
                Assert.Contains("In Waitlist told, you start later, after a waiting period", message.TextBody);
                Assert.Contains("You will be asked the before questionnaire again then", message.TextBody);
                Assert.DoesNotContain("start now", message.TextBody);
            }
            Assert.Contains($"/programmes/{id}", message.TextBody);
            Assert.Contains("To stop emails like this one", message.TextBody);
        }
        AboutTheReaderAlone(told, mentees);
        // The coordinator's page says how the mentees were told.
        Assert.Contains("<span id=\"released-told\">6 mentees told in Upward: 5 emailed, 1 turned these emails off</span>", await coordinator.GetStringAsync(page));
        // mentee3 still finds it in Upward.
        var mentee3 = await factory.AsAsync("mentee3");
        Assert.Contains("When you start: Waitlist told", await mentee3.GetStringAsync("/notifications"));
        Assert.Equal(EmailStatus.TurnedOff, await factory.WithDbAsync(db => db.Notifications.Where(n => n.ProgrammeId == id && n.Kind == NotificationKind.StartTold
            && db.Users.Any(u => u.Id == n.UserId && u.Email == DemoProgramme.EmailOf("mentee3"))).Select(n => n.EmailStatus).SingleAsync()));

        // The later arm starts: its mentees hear their waiting is over, and "Before, again" goes on the timeline from today.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(page, new Dictionary<string, string>(), $"{page}?handler=StartLater")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(page, new Dictionary<string, string>(), $"{page}?handler=StartLater")).StatusCode);
        var entry = await factory.WithDbAsync(db => db.TimelineEntries.SingleAsync(t => t.ProgrammeId == id && t.Step == TimelineStep.BeforeAgainQuestionnaire));
        Assert.Equal(Today, entry.StartsOn);
        Assert.Equal(Today.AddDays(13), entry.EndsOn);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.TimelineChanged && a.ProgrammeId == id
            && a.Detail == "no dates → 2027-01-12 to 2027-01-25 (from the later arm's start)")));
        var timeline = await coordinator.GetStringAsync($"/programmes/{id}/timeline");
        Assert.Contains("Before, again (end of waiting) questionnaires", timeline);
        Assert.Contains("Tuesday 12 January 2027 to Monday 25 January 2027", timeline);

        factory.Clock!.Advance(TimeSpan.FromMinutes(1));
        await RunAsync(factory);
        await RunAsync(factory);
        var received = factory.MailServer.Received();
        var later = mentees.Where(m => m.Step == 2).ToList();
        var started = received.Where(m => m.Subject == "When you start: Waitlist told" && (m.TextBody ?? "").Contains("your mentoring starts now", StringComparison.Ordinal)).ToList();
        Assert.Equal(later.Where(m => m.Who != "mentee3").Select(m => m.Email).Order(), started.Select(m => m.To.Mailboxes.Single().Address).Order());
        AboutTheReaderAlone(started, mentees);
        var offLater = later.Count(m => m.Who == "mentee3");
        Assert.Contains($"<span id=\"later-told\">{later.Count} mentees told in Upward: {later.Count - offLater} emailed{(offLater > 0 ? ", 1 turned these emails off" : "")}</span>",
            await coordinator.GetStringAsync(page));
        // The timeline opened "Before, again", and those who waited alone were told.
        var again = await factory.WithDbAsync(db => db.Waves.SingleAsync(w => w.ProgrammeId == id && w.Stage == Stage.BeforeAgain));
        Assert.True(again.IsOpen);
        var opened = received.Where(m => (m.TextBody ?? "").Contains($"/questionnaires/{again.Id}", StringComparison.Ordinal)).ToList();
        Assert.Equal(later.Select(m => m.Email).Order(), opened.Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    [Fact]
    public async Task Releasing_a_stepped_wedge_tells_each_mentee_their_date_and_each_later_step_is_told_when_it_starts()
    {
        using var factory = new NotifyingFactory(Morning);
        var id = await ProgrammeAsync(factory, "Wedge told", AnalysisPlan.SteppedWedge);
        await factory.WithDbAsync(async db =>
        {
            foreach (var (who, department) in DepartmentOf)
            {
                var enrolment = await db.Enrolments.SingleAsync(e => e.ProgrammeId == id && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf(who)));
                enrolment.Department = department;
            }
            await db.SaveChangesAsync();
        });
        var coordinator = await factory.AsAsync("coordinator");
        var page = $"/programmes/{id}/stepped-wedge";
        var first = Today.AddDays(7);
        var drawn = await coordinator.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Steps"] = "3", ["Weeks"] = "4", ["Seed"] = "42",
            ["First.Day"] = first.Day.ToString(CultureInfo.InvariantCulture), ["First.Month"] = first.Month.ToString(CultureInfo.InvariantCulture), ["First.Year"] = first.Year.ToString(CultureInfo.InvariantCulture),
        }, $"{page}?handler=Draw");
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        // A one-group programme's timeline has no "Before, again"; this one's has, with no dates until the release.
        Assert.DoesNotContain("Before, again", await coordinator.GetStringAsync($"/programmes/{await factory.ProgrammeIdAsync()}/timeline"));
        Assert.Contains("Before, again (end of waiting) questionnaires", await coordinator.GetStringAsync($"/programmes/{id}/timeline"));

        _ = await coordinator.SubmitAtOnceAsync(2, page, new Dictionary<string, string>(), $"{page}?handler=Release");
        await RunAsync(factory);
        var mentees = await MenteesAsync(factory, id);
        var told = factory.Smtp!.Parsed().Where(m => m.Subject == "When you start: Wedge told").ToList();
        Assert.Equal(6, told.Count);
        Assert.Equal(6, told.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        string Long(DateOnly d) => d.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        foreach (var message in told)
        {
            var mentee = mentees.Single(m => m.Email == message.To.Mailboxes.Single().Address);
            var starts = Long(first.AddDays(28 * (mentee.Step - 1)));
            if (mentee.Step == 1)
            {
                Assert.Contains($"In Wedge told, your department starts on {starts}: you will be paired with a mentor then", message.TextBody);
            }
            else
            {
                Assert.Contains($"In Wedge told, your department starts on {starts}, after a waiting period.", message.TextBody);
                Assert.Contains("You will be asked the before questionnaire again then", message.TextBody);
            }
        }
        AboutTheReaderAlone(told, mentees);

        // "Before, again" is on the timeline from the second step's start until two weeks after the last step's.
        var entry = await factory.WithDbAsync(db => db.TimelineEntries.SingleAsync(t => t.ProgrammeId == id && t.Step == TimelineStep.BeforeAgainQuestionnaire));
        Assert.Equal(first.AddDays(28), entry.StartsOn);
        Assert.Equal(first.AddDays(56 + 13), entry.EndsOn);
        Assert.Contains($"{Long(first.AddDays(28))} to {Long(first.AddDays(69))}", await coordinator.GetStringAsync($"/programmes/{id}/timeline"));

        // The second step's date comes: the scheduler starts steps 1 and 2, tells step 2 alone that its waiting is over,
        // and opens "Before, again", put to step 2 alone (step 3 still waits).
        factory.Clock!.SetUtcNow(new DateTimeOffset(first.AddDays(28).ToDateTime(new TimeOnly(9, 1)), TimeSpan.Zero));
        await RunAsync(factory);
        await RunAsync(factory);
        await RunAsync(factory);
        var parsed = factory.Smtp.Parsed();
        var started = parsed.Where(m => m.Subject == "When you start: Wedge told" && (m.TextBody ?? "").Contains("your mentoring starts now", StringComparison.Ordinal)).ToList();
        Assert.Equal(mentees.Where(m => m.Step == 2).Select(m => m.Email).Order(), started.Select(m => m.To.Mailboxes.Single().Address).Order());
        var again = await factory.WithDbAsync(db => db.Waves.SingleAsync(w => w.ProgrammeId == id && w.Stage == Stage.BeforeAgain));
        Assert.True(again.IsOpen);
        var opened = parsed.Where(m => (m.TextBody ?? "").Contains($"/questionnaires/{again.Id}", StringComparison.Ordinal)).ToList();
        Assert.Equal(mentees.Where(m => m.Step == 2).Select(m => m.Email).Order(), opened.Select(m => m.To.Mailboxes.Single().Address).Order());

        // The coordinator (signed in again, weeks later) starts step 3 early: its mentees are told, once, however often it is pressed.
        coordinator = await factory.AsAsync("coordinator");
        _ = await coordinator.SubmitAtOnceAsync(2, page, new Dictionary<string, string> { ["Step"] = "3" }, $"{page}?handler=Start");
        await RunAsync(factory);
        await RunAsync(factory);
        var third = factory.Smtp.Parsed().Where(m => m.Subject == "When you start: Wedge told" && (m.TextBody ?? "").Contains("your mentoring starts now", StringComparison.Ordinal)).Skip(started.Count).ToList();
        Assert.Equal(mentees.Where(m => m.Step == 3).Select(m => m.Email).Order(), third.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(4 + 6, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.ProgrammeId == id && n.Kind == NotificationKind.StartTold)));
    }

    [Fact]
    public async Task Dates_the_coordinator_set_for_before_again_are_kept_at_the_release()
    {
        using var factory = new NotifyingFactory(Morning);
        var id = await ProgrammeAsync(factory, "Wedge kept", AnalysisPlan.SteppedWedge);
        await factory.WithDbAsync(async db =>
        {
            foreach (var (who, department) in DepartmentOf)
            {
                var enrolment = await db.Enrolments.SingleAsync(e => e.ProgrammeId == id && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf(who)));
                enrolment.Department = department;
            }
            await db.SaveChangesAsync();
        });
        var coordinator = await factory.AsAsync("coordinator");
        var page = $"/programmes/{id}/stepped-wedge";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Steps"] = "2", ["Weeks"] = "4", ["Seed"] = "1", ["First.Day"] = "19", ["First.Month"] = "1", ["First.Year"] = "2027",
        }, $"{page}?handler=Draw")).StatusCode);
        var step = $"/programmes/{id}/timeline/{TimelineStep.BeforeAgainQuestionnaire}";
        var set = await coordinator.SubmitAsync(step, new Dictionary<string, string>
        {
            ["Input.Start.Day"] = "1", ["Input.Start.Month"] = "3", ["Input.Start.Year"] = "2027",
            ["Input.End.Day"] = "5", ["Input.End.Month"] = "3", ["Input.End.Year"] = "2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(page, new Dictionary<string, string>(), $"{page}?handler=Release")).StatusCode);
        var entry = await factory.WithDbAsync(db => db.TimelineEntries.SingleAsync(t => t.ProgrammeId == id && t.Step == TimelineStep.BeforeAgainQuestionnaire));
        Assert.Equal(new DateOnly(2027, 3, 1), entry.StartsOn);
        Assert.Equal(new DateOnly(2027, 3, 5), entry.EndsOn);
    }
}
