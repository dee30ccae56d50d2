using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Sessions;

/// <summary>After a session each side says privately whether to carry on; either side ends the pairing without fault, and the mentee can be paired again.</summary>
public sealed class FitAndEndingTests(DemoFactory factory) : PairTestBase(factory), IClassFixture<DemoFactory>
{
    private async Task<(Guid Id, Pairing Pairing, string Mentor, string Mentee, string Url)> PairWithAgreedSessionAsync()
    {
        var (id, pairing, mentor, mentee) = await PairAsync();
        await AcceptRulesAsync(id, pairing.Id, mentor, mentee);
        var url = $"/programmes/{id}/pairing/{pairing.Id}";
        await (await AsAsync(mentor)).SubmitAsync(url, PairingTests.Proposal(DateTime.Today.AddDays(4).AddHours(15)), url + "/sessions?handler=Propose");
        var session = await Factory.WithDbAsync(db => db.MentoringSessions.SingleAsync(s => s.PairingId == pairing.Id && s.Status == SessionStatus.Proposed));
        await (await AsAsync(mentee)).SubmitAsync(url, new Dictionary<string, string> { ["sessionId"] = session.Id.ToString() }, url + "/sessions?handler=Agree");
        return (id, pairing, mentor, mentee, url);
    }

    [Fact]
    public async Task Each_side_says_privately_whether_to_carry_on_and_the_coordinator_sees_only_would_like_to_change()
    {
        var (id, pairing, mentor, mentee, url) = await PairWithAgreedSessionAsync();
        var menteeClient = await AsAsync(mentee);
        Assert.DoesNotContain("Would you like to carry on with", await menteeClient.GetStringAsync(url + "/sessions"));
        var early = await menteeClient.SubmitAsync(url, new Dictionary<string, string> { ["fit"] = "WouldLikeToChange" }, url + "/sessions?handler=Fit");
        Assert.Contains("after your first session", await early.Content.ReadAsStringAsync());

        await Factory.WithDbAsync(db => db.MentoringSessions.Where(s => s.PairingId == pairing.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SessionStatus.Held)));
        var missing = await menteeClient.SubmitAsync(url, new Dictionary<string, string>(), url + "/sessions?handler=Fit");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Select whether you would like to carry on", await missing.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await menteeClient.SubmitAsync(url, new Dictionary<string, string> { ["fit"] = "WouldLikeToChange" }, url + "/sessions?handler=Fit")).StatusCode);
        Assert.Equal(PairFit.WouldLikeToChange, await Factory.WithDbAsync(db => db.Pairings.Where(p => p.Id == pairing.Id).Select(p => p.MenteeFit).SingleAsync()));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PairingFitAnswered && a.Subject == $"pairing:{pairing.Id}")));

        Assert.Contains("Mentee would like to change", await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/allocation"));
        // The mentor's own question starts unanswered: nothing of the mentee's answer shows.
        var mentorPage = await (await AsAsync(mentor)).GetStringAsync(url + "/sessions");
        Assert.Contains("Would you like to carry on with", mentorPage);
        Assert.DoesNotContain("checked", mentorPage[mentorPage.IndexOf("id=\"fit\"", StringComparison.Ordinal)..mentorPage.IndexOf("Save my answer", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Either_side_ends_the_pairing_once_without_fault_and_planned_sessions_are_cancelled_in_both_calendars()
    {
        var (id, pairing, mentor, mentee, url) = await PairWithAgreedSessionAsync();
        var stranger = Enumerable.Range(1, 6).Select(i => $"mentor{i}").First(m => m != mentor);
        Assert.Equal(HttpStatusCode.NotFound, (await (await AsAsync(stranger)).GetAsync($"{url}/end")).StatusCode);

        var menteeClient = await AsAsync(mentee);
        Assert.Contains("You do not need to give a reason", await menteeClient.GetStringAsync($"{url}/end"));
        var before = Factory.Sent().Count;
        var ending = await menteeClient.SubmitAtOnceAsync(4, $"{url}/end", new Dictionary<string, string>());
        Assert.All(ending, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        var ended = await Factory.WithDbAsync(db => db.Pairings.SingleAsync(p => p.Id == pairing.Id));
        Assert.Equal((PairingStatus.Ended, PairingEndedBy.Mentee), (ended.Status, ended.EndedBy));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.PairingEnded && a.Subject == $"pairing:{pairing.Id}")));
        Assert.All(await Factory.WithDbAsync(db => db.MentoringSessions.Where(s => s.PairingId == pairing.Id).ToListAsync()), s => Assert.Equal(SessionStatus.Cancelled, s.Status));

        var sent = Factory.Sent().Skip(before).ToList();
        Assert.Equal(2, sent.Count(m => (m.Subject ?? "").StartsWith("Cancelled: reverse mentoring session", StringComparison.Ordinal)));
        var told = Assert.Single(sent, m => m.Subject == "Your reverse mentoring pairing has ended");
        Assert.Contains("Nobody is at fault", told.TextBody);
        Assert.Contains(sent, m => (m.Subject ?? "").StartsWith("A pairing has ended in", StringComparison.Ordinal));

        // The pair's page is gone for both; the mentee waits for a new mentor on the allocation page.
        Assert.Equal(HttpStatusCode.NotFound, (await menteeClient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await AsAsync(mentor)).GetAsync(url)).StatusCode);
        Assert.Contains("Your pairing has ended", await menteeClient.GetStringAsync($"/programmes/{id}/pairing?ended=true"));
        Assert.Contains("Allocate the mentees still without a mentor", await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/allocation"));
    }
}
