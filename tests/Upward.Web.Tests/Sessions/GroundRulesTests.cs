using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Sessions;

/// <summary>The programme's own ground rules: edited by the coordinator as versions, naming who safety concerns go to, accepted again by pairs after a change.</summary>
public sealed class GroundRulesTests(DemoFactory factory) : PairTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task A_new_version_names_the_safety_lead_and_pairs_accept_it_again_before_their_next_session()
    {
        var (id, pairing, mentor, mentee) = await PairAsync();
        await AcceptRulesAsync(id, pairing.Id, mentor, mentee);
        var pairUrl = $"/programmes/{id}/pairing/{pairing.Id}";
        Assert.Contains("Suggest a time", await (await AsAsync(mentor)).GetStringAsync(pairUrl + "/sessions"));

        var coordinator = await AsAsync("coordinator");
        var url = $"/programmes/{id}/ground-rules";
        var bad = await coordinator.SubmitAsync(url, new Dictionary<string, string> { ["Rules"] = " \n ", ["SafetyLead"] = "" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Enter the ground rules, one per line", await bad.Content.ReadAsStringAsync());
        var noLead = await (await coordinator.SubmitAsync(url, new Dictionary<string, string> { ["Rules"] = "We meet as equals." })).Content.ReadAsStringAsync();
        Assert.Contains("Enter who concerns about patient safety", noLead);
        Assert.Contains("We meet as equals.", noLead);
        Assert.False(await Factory.WithDbAsync(db => db.GroundRulesVersions.AnyAsync(g => g.ProgrammeId == id)));

        var saved = await coordinator.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Rules"] = "We meet as equals.\n- We start and finish on time.\n\nWhat is said stays between us, within the limits below.",
            ["SafetyLead"] = "Dr Jo Patel, Freedom to Speak Up guardian",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var version = await Factory.WithDbAsync(db => db.GroundRulesVersions.SingleAsync(g => g.ProgrammeId == id));
        Assert.Equal((1, "We meet as equals.\nWe start and finish on time.\nWhat is said stays between us, within the limits below."), (version.Version, version.Rules));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.GroundRulesChanged && a.ProgrammeId == id && a.Subject == "ground-rules:1")));

        // The pair reads the new words and the named lead, and must accept them before planning.
        var mentorClient = await AsAsync(mentor);
        var page = await mentorClient.GetStringAsync(pairUrl);
        Assert.Contains("We start and finish on time.", page);
        Assert.Contains("Dr Jo Patel, Freedom to Speak Up guardian", page);
        Assert.Contains("The ground rules have changed since you accepted them", page);
        Assert.DoesNotContain("Suggest a time", await mentorClient.GetStringAsync(pairUrl + "/sessions"));
        var refused = await (await mentorClient.SubmitAsync(pairUrl, PairingTests.Proposal(DateTime.Today.AddDays(3).AddHours(10)), pairUrl + "/sessions?handler=Propose")).Content.ReadAsStringAsync();
        Assert.Contains("You both need to accept the ground rules", refused);

        await AcceptRulesAsync(id, pairing.Id, mentor, mentee);
        var accepted = await Factory.WithDbAsync(db => db.Pairings.SingleAsync(p => p.Id == pairing.Id));
        Assert.Equal(((int?)1, (int?)1), (accepted.MentorAcceptedGroundRulesVersion, accepted.MenteeAcceptedGroundRulesVersion));
        Assert.Contains("Suggest a time", await mentorClient.GetStringAsync(pairUrl + "/sessions"));

        // Only the coordinator edits them.
        foreach (var who in new[] { mentor, mentee, "facilitator", "researcher" })
        {
            Assert.Contains("/account/access-denied", (await (await AsAsync(who)).GetAsync(url)).Headers.Location?.OriginalString);
        }
    }
}
