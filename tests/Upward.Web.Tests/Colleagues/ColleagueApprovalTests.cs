using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Colleagues;
using Upward.Web.Tests.Infrastructure;
using static Upward.Web.Tests.Colleagues.ColleagueSteps;

namespace Upward.Web.Tests.Colleagues;

/// <summary>
/// A mentee only asks for colleagues; a coordinator approves each request before anyone is emailed.
/// Without that step a mentee could invite k − 1 mailboxes of their own, answer those links, and
/// single out the one real colleague's words.
/// </summary>
public sealed class ColleagueApprovalTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Nothing_is_emailed_until_a_coordinator_approves_and_a_declined_request_is_never_sent()
    {
        await TurnOnAsync(factory);
        var id = await factory.ProgrammeIdAsync();
        var mentee = await factory.AsAsync("mentee1");
        var coordinator = await factory.AsAsync("coordinator");
        var sent = factory.Sent().Count;

        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(factory, mentee, "real.sister@demo.example", "Pat Real", "Ward sister on 7B")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(factory, mentee, "second.mailbox@demo.example", "Jo Made-up", "A friend")).StatusCode);
        Assert.Equal(sent, factory.Sent().Count);
        var page = await mentee.GetStringAsync(await PageAsync(factory));
        Assert.Contains("Pat Real", page);
        Assert.Equal(2, Count(page, "Waiting for the coordinator to approve"));
        // Nothing is sent yet, so nothing counts as invited.
        Assert.Contains("No invitations have been sent yet.", page);

        // The coordinator's programme page says there is something to do, and the list shows what to check.
        // (Other tests in this class leave requests waiting too: the figure is the programme's.)
        var waiting = await factory.WithDbAsync(db => db.ColleagueInvitations.CountAsync(i => i.ProgrammeId == id && i.Status == ColleagueInvitationStatus.AwaitingApproval));
        Assert.True(waiting >= 2);
        Assert.Contains($"{waiting} waiting", await coordinator.GetStringAsync($"/programmes/{id}"));
        var requests = await coordinator.GetStringAsync(await RequestsPageAsync(factory));
        Assert.Contains("Ward sister on 7B", requests);
        Assert.Contains("second.mailbox@demo.example", requests);
        Assert.Contains(DemoProgrammeEmail("mentee1"), requests);

        var real = await RequestIdAsync(factory, "real.sister@demo.example");
        var made = await RequestIdAsync(factory, "second.mailbox@demo.example");
        var approved = await DecideAsync(factory, real, "Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var email = Assert.Single(factory.Sent().Skip(sent));
        Assert.Equal("real.sister@demo.example", email.To.Mailboxes.Single().Address);
        var link = LinkFor(factory, "real.sister@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser().GetAsync(link)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(factory, made, "Decline")).StatusCode);
        Assert.Single(factory.Sent().Skip(sent));
        var declined = await factory.WithDbAsync(db => db.ColleagueInvitations.SingleAsync(i => i.Id == made));
        Assert.Equal(ColleagueInvitationStatus.Declined, declined.Status);
        Assert.Null(declined.TokenHash);

        // Both decisions are audited with the coordinator as the actor.
        var coordinatorId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoProgrammeEmail("coordinator")).Select(u => u.Id).SingleAsync());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.ColleagueInvitationApproved && a.ActorUserId == coordinatorId && a.Subject == $"colleague-invitation:{real}")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.ColleagueInvitationDeclined && a.ActorUserId == coordinatorId && a.Subject == $"colleague-invitation:{made}")));

        page = await mentee.GetStringAsync(await PageAsync(factory));
        Assert.Contains("Invitation sent", page);
        Assert.Contains("Not approved", page);
        Assert.Contains("You have invited 1 colleague.", page);
        // A declined address cannot simply be asked for again.
        var again = await AskAsync(factory, mentee, "second.mailbox@demo.example", "Jo Made-up", "A friend");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("You have already asked for second.mailbox@demo.example", await again.Content.ReadAsStringAsync());

        // Deciding twice (another coordinator at the same moment) changes nothing and sends nothing more.
        var twice = await DecideAsync(factory, real, "Approve");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("had already been approved or declined", await twice.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(factory, made, "Approve")).StatusCode);
        Assert.Single(factory.Sent().Skip(sent));
        // An id that is not this programme's request is not found, never a 500.
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(factory, Guid.NewGuid(), "Approve")).StatusCode);
        // With nothing of theirs left to decide, the mentee drops off the coordinator's list.
        var menteeId = await factory.EnrolmentIdAsync("mentee1");
        Assert.DoesNotContain($"id=\"mentee-{menteeId}\"", await coordinator.GetStringAsync(await RequestsPageAsync(factory)));
    }

    [Fact]
    public async Task Two_approvals_at_once_send_one_email()
    {
        await TurnOnAsync(factory);
        var mentee = await factory.AsAsync("mentee2");
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(factory, mentee, "double.click@demo.example")).StatusCode);
        var request = await RequestIdAsync(factory, "double.click@demo.example");
        var sent = factory.Sent().Count;
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DecideAsync(factory, request, "Approve")));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        Assert.Single(factory.Sent().Skip(sent), m => m.To.Mailboxes.Any(b => b.Address == "double.click@demo.example"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ColleagueInvitationApproved && a.Subject == $"colleague-invitation:{request}")));
    }

    [Fact]
    public async Task Only_coordinators_see_or_decide_requests()
    {
        await TurnOnAsync(factory);
        var mentee = await factory.AsAsync("mentee3");
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(factory, mentee, "own.trick@demo.example", "Sam Trick", "Theatre nurse")).StatusCode);
        var request = await RequestIdAsync(factory, "own.trick@demo.example");
        var sent = factory.Sent().Count;
        var page = await RequestsPageAsync(factory);
        foreach (var who in new[] { "mentee3", "mentee1", "mentor1", "facilitator", "researcher" })
        {
            DemoPeople.AssertRefused(await (await factory.AsAsync(who)).GetAsync(page), $"{who} reading the requests");
            DemoPeople.AssertRefused(await DecideAsync(factory, request, "Approve", who), $"{who} approving");
            DemoPeople.AssertRefused(await DecideAsync(factory, request, "Decline", who), $"{who} declining");
        }
        Assert.Equal(sent, factory.Sent().Count);
        Assert.Equal(ColleagueInvitationStatus.AwaitingApproval, await factory.WithDbAsync(db => db.ColleagueInvitations.Where(i => i.Id == request).Select(i => i.Status).SingleAsync()));
        // Another mentee's page never shows the request.
        Assert.DoesNotContain("own.trick@demo.example", await (await factory.AsAsync("mentee1")).GetStringAsync(await PageAsync(factory)));
    }

    [Fact]
    public async Task With_colleague_input_off_a_waiting_request_cannot_be_approved()
    {
        using var off = new UpwardFactory { Demo = true };
        await TurnOnAsync(off);
        var mentee = await off.AsAsync("mentee1");
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(off, mentee, "too.late@demo.example")).StatusCode);
        var request = await RequestIdAsync(off, "too.late@demo.example");
        await TurnOnAsync(off, on: false);
        var sent = off.Sent().Count;
        var response = await DecideAsync(off, request, "Approve");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("This programme does not ask colleagues for feedback", await response.Content.ReadAsStringAsync());
        Assert.Equal(sent, off.Sent().Count);
    }

    private static int Count(string html, string text) => (html.Length - html.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;

    private static string DemoProgrammeEmail(string localPart) => Upward.Web.Demo.DemoProgramme.EmailOf(localPart);
}
