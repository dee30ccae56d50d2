using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Sessions;

/// <summary>The pair's page: only the two of them, sessions with calendar invitations, notes for their author alone.</summary>
public sealed class PairingTests(DemoFactory factory) : PairTestBase(factory), IClassFixture<DemoFactory>
{
    private const string SecretNote = "My private thought about the session: remember to breathe.";

    internal static Dictionary<string, string> Proposal(DateTime localStart) => new()
    {
        ["Propose.Day"] = localStart.Day.ToString(), ["Propose.Month"] = localStart.Month.ToString(), ["Propose.Year"] = localStart.Year.ToString(),
        ["Propose.Time"] = localStart.ToString("HH:mm"), ["Propose.Place"] = "Seminar room 2", ["Propose.TimeLimitMinutes"] = "60",
    };

    [Fact]
    public async Task The_pair_accepts_ground_rules_agrees_a_time_gets_calendar_invitations_and_records_the_session()
    {
        var (id, pairing, mentorName, menteeName) = await PairAsync();
        var url = $"/programmes/{id}/pairing/{pairing.Id}";
        var mentor = await AsAsync(mentorName);
        var mentee = await AsAsync(menteeName);

        var tooEarly = await (await mentor.SubmitAsync(url, Proposal(DateTime.Today.AddDays(3).AddHours(10)), url + "/sessions?handler=Propose")).Content.ReadAsStringAsync();
        Assert.Contains("You both need to accept the ground rules", tooEarly);

        await mentor.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=AcceptRules");
        await mentee.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=AcceptRules");
        var proposed = await mentor.SubmitAsync(url, Proposal(DateTime.Today.AddDays(3).AddHours(10)), url + "/sessions?handler=Propose");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var session = await Factory.WithDbAsync(db => db.MentoringSessions.SingleAsync(s => s.PairingId == pairing.Id));

        // The proposer cannot agree their own proposal; the other side can.
        await mentor.SubmitAsync(url, new Dictionary<string, string> { ["sessionId"] = session.Id.ToString() }, url + "/sessions?handler=Agree");
        Assert.Equal(SessionStatus.Proposed, await Factory.WithDbAsync(db => db.MentoringSessions.Where(s => s.Id == session.Id).Select(s => s.Status).SingleAsync()));
        await mentee.SubmitAsync(url, new Dictionary<string, string> { ["sessionId"] = session.Id.ToString() }, url + "/sessions?handler=Agree");
        Assert.Equal(SessionStatus.Agreed, await Factory.WithDbAsync(db => db.MentoringSessions.Where(s => s.Id == session.Id).Select(s => s.Status).SingleAsync()));
        var invitations = Factory.Sent().Where(m => (m.Subject ?? "").StartsWith("Reverse mentoring session on", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, invitations.Count);
        Assert.All(invitations, m => Assert.Contains(m.Attachments, a => a.ContentType.MimeType == "text/calendar"));

        // Recording needs the start to have passed, and sensible minutes.
        var notYet = await (await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Held.SessionId"] = session.Id.ToString(), ["Held.Minutes"] = "45", ["Held.TimeFelt"] = "AboutRight" }, url + "/sessions?handler=Held")).Content.ReadAsStringAsync();
        Assert.Contains("once its agreed start time has passed", notYet);
        await Factory.WithDbAsync(db => db.MentoringSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAtUtc, DateTime.UtcNow.AddHours(-2))));
        var silly = await (await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Held.SessionId"] = session.Id.ToString(), ["Held.Minutes"] = "9999" }, url + "/sessions?handler=Held")).Content.ReadAsStringAsync();
        Assert.Contains("Enter a number of minutes from 1 to 600", silly);
        Assert.Contains("Select whether the time felt", silly);
        await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Held.SessionId"] = session.Id.ToString(), ["Held.HowMet"] = "Video", ["Held.Minutes"] = "45", ["Held.TimeFelt"] = "AboutRight" }, url + "/sessions?handler=Held");
        var held = await Factory.WithDbAsync(db => db.MentoringSessions.SingleAsync(s => s.Id == session.Id));
        Assert.Equal(SessionStatus.Held, held.Status);
        Assert.Equal(45, held.MinutesTaken);
        Assert.Equal(TimeFelt.AboutRight, held.TimeFelt);
        Assert.Equal(HowMet.Video, held.HowMet);
    }

    [Fact]
    public async Task Private_notes_are_read_by_their_author_alone()
    {
        var (id, pairing, mentorName, menteeName) = await PairAsync();
        var url = $"/programmes/{id}/pairing/{pairing.Id}";
        var mentor = await AsAsync(mentorName);
        var empty = await (await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Note.Text"] = "" }, url + "/notes")).Content.ReadAsStringAsync();
        Assert.Contains("Enter your note", empty);
        await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Note.Text"] = SecretNote }, url + "/notes");
        Assert.Contains(SecretNote, await mentor.GetStringAsync(url + "/notes"));

        var mentee = await AsAsync(menteeName);
        Assert.DoesNotContain(SecretNote, await mentee.GetStringAsync(url + "/notes"));
        Assert.DoesNotContain(SecretNote, await mentee.GetStringAsync(url));
        var coordinator = await AsAsync("coordinator");
        foreach (var page in new[] { $"/programmes/{id}/allocation", $"/programmes/{id}/people", $"/programmes/{id}/concerns", $"/programmes/{id}" })
        {
            Assert.DoesNotContain(SecretNote, await coordinator.GetStringAsync(page));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.GetAsync(url + "/notes")).StatusCode);
        var admin = await AsAsync("admin");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(SecretNote, await admin.GetStringAsync("/admin/audit"));
    }

    [Fact]
    public async Task Someone_elses_pairing_does_not_exist_for_you()
    {
        var (id, pairing, mentorName, menteeName) = await PairAsync();
        var other = Enumerable.Range(1, 6).Select(i => $"mentor{i}").First(m => m != mentorName);
        var response = await (await AsAsync(other)).GetAsync($"/programmes/{id}/pairing/{pairing.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var facilitator = await (await AsAsync("facilitator")).GetAsync($"/programmes/{id}/pairing/{pairing.Id}");
        Assert.Contains("/account/access-denied", facilitator.Headers.Location?.OriginalString);
        _ = menteeName;
    }

    [Fact]
    public async Task A_concern_reaches_the_coordinators_only()
    {
        var id = await ProgrammeIdAsync();
        var mentee = await AsAsync("mentee2");
        var empty = await (await mentee.SubmitAsync($"/programmes/{id}/concern", new Dictionary<string, string> { ["Input.Text"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains("Enter your concern", empty);
        await mentee.SubmitAsync($"/programmes/{id}/concern", new Dictionary<string, string> { ["Input.Text"] = "I feel uneasy about the power gradient.", ["Input.EndPairing"] = "true" });

        Assert.Contains("I feel uneasy about the power gradient.", await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/concerns"));
        Assert.Contains(Factory.Sent(), m => (m.Subject ?? "").StartsWith("A concern has been raised", StringComparison.Ordinal) && !(m.TextBody ?? "").Contains("power gradient"));
        foreach (var who in new[] { "mentee2", "mentor1", "facilitator", "researcher", "admin" })
        {
            var response = await (await AsAsync(who)).GetAsync($"/programmes/{id}/concerns");
            Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
        }
    }
}
