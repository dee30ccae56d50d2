using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Allocation;

public sealed class AllocationTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Random_allocation_within_willingness_is_previewed_with_its_seed_confirmed_audited_and_told_by_email()
    {
        var id = await ProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");

        var preview = await coordinator.GetStringAsync($"/programmes/{id}/allocation?Mode=Random&Seed=42");
        Assert.Contains("<strong id=\"seed\">42</strong>", preview);
        Assert.Contains("chosen at random (seed 42)", preview);

        var confirmed = await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Random&Seed=42",
            new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "42" }, $"/programmes/{id}/allocation?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        await Factory.WithDbAsync(async db =>
        {
            var pairings = await db.Pairings.Where(p => p.ProgrammeId == id).ToListAsync();
            Assert.Equal(5, pairings.Count);
            var willing = await db.Willingness.Where(w => w.ProgrammeId == id && w.Willing).Select(w => new { w.MentorEnrolmentId, w.MenteeEnrolmentId }).ToListAsync();
            Assert.All(pairings, p => Assert.Contains(willing, w => w.MentorEnrolmentId == p.MentorEnrolmentId && w.MenteeEnrolmentId == p.MenteeEnrolmentId));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.AllocationConfirmed && a.Subject == "allocation:random:seed=42"));
        });
        Assert.Equal(10, Factory.Sent().Count(m => (m.Subject ?? "").StartsWith("Your ment", StringComparison.Ordinal)));

        // A hand pairing with a mentor who did not say yes is refused, with the reason.
        await Factory.WithDbAsync(db => db.Pairings.Where(p => p.ProgrammeId == id).Take(1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PairingStatus.Ended)));
        var (mentee, unwilling) = await Factory.WithDbAsync(async db =>
        {
            var ended = await db.Pairings.SingleAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Ended);
            var no = await db.Willingness.FirstOrDefaultAsync(w => w.ProgrammeId == id && !w.Willing && w.MenteeEnrolmentId == ended.MenteeEnrolmentId);
            return (ended.MenteeEnrolmentId, no?.MentorEnrolmentId ?? ended.MentorEnrolmentId);
        });
        // Typed as the form asks, by participant code.
        var codes = await Factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == mentee || e.Id == unwilling).ToDictionaryAsync(e => e.Id, e => e.ParticipantCode));
        var refused = await (await coordinator.SubmitAsync($"/programmes/{id}/allocation", new Dictionary<string, string>
            { ["Hand.Mentee"] = codes[mentee], ["Hand.Mentor"] = codes[unwilling] }, $"/programmes/{id}/allocation?handler=Pair")).Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", refused);
        Assert.Matches(new Regex("did not say they were willing|not available for allocation|paired before and the pairing was ended|already has as many mentees"), refused);
        Assert.Equal(4, await Factory.WithDbAsync(db => db.Pairings.CountAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Active)));
    }

    [Fact]
    public async Task A_bad_seed_is_explained_and_nothing_is_allocated()
    {
        var id = await ProgrammeIdAsync();
        var html = await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/allocation?Mode=Random&Seed=minus-one");
        Assert.Contains("Enter the seed as a whole number", html);
    }

    [Theory]
    [InlineData("mentor1")]
    [InlineData("mentee1")]
    [InlineData("facilitator")]
    [InlineData("researcher")]
    public async Task Only_the_coordinator_allocates(string who)
    {
        var id = await ProgrammeIdAsync();
        var client = await AsAsync(who);
        Assert.Contains("/account/access-denied", (await client.GetAsync($"/programmes/{id}/allocation")).Headers.Location?.OriginalString);
        var post = await client.SubmitAsync("/", new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "1" }, $"/programmes/{id}/allocation?handler=Confirm");
        Assert.Contains("/account/access-denied", post.Headers.Location?.OriginalString);
    }
}

public sealed class SupervisorRuleTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Forbidding_supervisor_pairs_in_settings_keeps_every_mentor_from_their_own_supervisor()
    {
        var id = await ProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");
        var saved = await coordinator.SubmitAsync($"/programmes/{id}/settings", new Dictionary<string, string>
        {
            ["Input.Name"] = Upward.Web.Demo.DemoProgramme.ProgrammeName, ["Input.AnonymityThreshold"] = "3", ["Input.SessionTimeLimitMinutes"] = "60",
            ["Input.TimeZone"] = "Europe/London", ["Input.RetentionMonths"] = "24", ["Input.SupervisorRule"] = "Forbidden",
            ["Input.MenteesPerMentor"] = "1", ["Input.SessionsPerPair"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Optimal", new Dictionary<string, string> { ["Mode"] = "Optimal", ["Seed"] = "" }, $"/programmes/{id}/allocation?handler=Confirm");

        await Factory.WithDbAsync(async db =>
        {
            var supervisions = await db.Relationships.Where(r => r.ProgrammeId == id && r.Kind == Upward.Core.People.RelationshipKind.ClinicalSupervisor)
                .Select(r => new { r.MentorEnrolmentId, r.MenteeEnrolmentId }).ToListAsync();
            var pairings = await db.Pairings.Where(p => p.ProgrammeId == id && p.Status == PairingStatus.Active).ToListAsync();
            Assert.NotEmpty(supervisions);
            Assert.NotEmpty(pairings);
            Assert.DoesNotContain(pairings, p => supervisions.Any(s => s.MentorEnrolmentId == p.MentorEnrolmentId && s.MenteeEnrolmentId == p.MenteeEnrolmentId));
        });
    }
}
