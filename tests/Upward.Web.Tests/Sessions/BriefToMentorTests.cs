using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Sessions;

/// <summary>Phase 1 meets phase 2: once allocated, the brief can be released to the mentor, who reads it on the pair's page.</summary>
public sealed class BriefToMentorTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task After_allocation_the_reviewed_brief_reaches_the_allocated_mentor_and_nobody_else()
    {
        var id = await ProgrammeIdAsync();
        var mentee = await Factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == id && e.ParticipantCode == "ME-02").Select(e => e.Id).SingleAsync());
        var domains = await Factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == id).OrderBy(d => d.Position).Select(d => d.Id).ToListAsync());
        var facilitator = await AsAsync("facilitator");
        var notesUrl = $"/programmes/{id}/phase-one/mentees/{mentee}/notes";
        var fields = domains.Select((d, i) => new[] { ($"Notes[{i}].DomainId", d.ToString()), ($"Notes[{i}].Points", i == 1 ? "Keeps up with the latest guidance and shares it" : ""), ($"Notes[{i}].Rating", "") })
            .SelectMany(x => x).ToDictionary(x => x.Item1, x => x.Item2);
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(notesUrl, fields)).StatusCode);
        var briefUrl = $"/programmes/{id}/phase-one/mentees/{mentee}/brief";
        await facilitator.SubmitAsync(briefUrl, new Dictionary<string, string>(), briefUrl + "?handler=start");
        var releaseUrl = $"/programmes/{id}/phase-one/mentees/{mentee}/release";
        await facilitator.SubmitAsync(releaseUrl, new Dictionary<string, string>(), releaseUrl + "?handler=review");

        var coordinator = await AsAsync("coordinator");
        await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Random&Seed=99", new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "99" }, $"/programmes/{id}/allocation?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(releaseUrl, new Dictionary<string, string>(), releaseUrl + "?handler=mentor")).StatusCode);

        var pairing = await Factory.WithDbAsync(db => db.Pairings.SingleAsync(p => p.MenteeEnrolmentId == mentee && p.Status == PairingStatus.Active));
        var mentorCode = await Factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == pairing.MentorEnrolmentId).Select(e => e.ParticipantCode).SingleAsync());
        var mentorName = "mentor" + int.Parse(mentorCode[3..]);
        var url = $"/programmes/{id}/pairing/{pairing.Id}";
        var mentorPage = await (await AsAsync(mentorName)).GetStringAsync(url);
        Assert.Contains("The group's feedback brief", mentorPage);
        Assert.Contains("Keeps up with the latest guidance and shares it", mentorPage);

        // The mentee's own page for the pair does not show it (their brief is released to them separately, if at all).
        Assert.DoesNotContain("Keeps up with the latest guidance", await (await AsAsync("mentee2")).GetStringAsync(url));
        var otherMentor = Enumerable.Range(1, 6).Select(i => $"mentor{i}").First(m => m != mentorName);
        Assert.Equal(HttpStatusCode.NotFound, (await (await AsAsync(otherMentor)).GetAsync(url)).StatusCode);
    }
}
