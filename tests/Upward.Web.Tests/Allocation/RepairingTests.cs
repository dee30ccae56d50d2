using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Allocation;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Allocation;

/// <summary>
/// After a pairing ends, the allocation page lists the mentee as waiting and offers exactly the mentors
/// still willing and free (never the mentor of the ended pairing, never one at capacity); pairing with
/// one is a single press.
/// </summary>
public sealed class RepairingTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task A_mentee_whose_pairing_ended_is_offered_the_mentors_still_willing_and_free_and_paired_in_one_press()
    {
        var id = await ProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");
        await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Random&Seed=42",
            new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "42" }, $"/programmes/{id}/allocation?handler=Confirm");
        // What the page must offer, worked out from the rows themselves for each pair in turn: mentors
        // willing, not the ended pair's, with no declared conflict, no decline, a place left. The
        // pair to end is the first (by mentee code) whose mentee would have someone to offer.
        var (ended, expected, excluded, names) = await Factory.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == id);
            var active = await db.Pairings.Where(p => p.ProgrammeId == id && p.Status == PairingStatus.Active).ToListAsync();
            var codes = await db.Enrolments.Where(e => e.ProgrammeId == id).ToDictionaryAsync(e => e.Id, e => e.ParticipantCode);
            var mentors = await db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == Upward.Core.Programmes.ProgrammeRole.Mentor
                && e.Status == Upward.Core.Programmes.EnrolmentStatus.Consented).Select(e => e.Id).ToListAsync();
            var willing = await db.Willingness.Where(w => w.ProgrammeId == id && w.Willing).Select(w => new { w.MentorEnrolmentId, w.MenteeEnrolmentId }).ToListAsync();
            var barred = (await db.Relationships.Where(r => r.ProgrammeId == id && (r.Kind == Upward.Core.People.RelationshipKind.ConflictOfInterest
                    || (programme.SupervisorRule == SupervisorRule.Forbidden && r.Kind == Upward.Core.People.RelationshipKind.ClinicalSupervisor)))
                .Select(r => new { r.MentorEnrolmentId, r.MenteeEnrolmentId }).ToListAsync())
                .Concat(await db.MentorDeclines.Where(d => d.ProgrammeId == id).Select(d => new { d.MentorEnrolmentId, d.MenteeEnrolmentId }).ToListAsync())
                .ToHashSet();
            foreach (var pairing in active.OrderBy(p => codes[p.MenteeEnrolmentId], StringComparer.Ordinal))
            {
                var free = mentors.Where(m => m != pairing.MentorEnrolmentId
                    && willing.Contains(new { MentorEnrolmentId = m, pairing.MenteeEnrolmentId })
                    && !barred.Contains(new { MentorEnrolmentId = m, pairing.MenteeEnrolmentId })
                    && active.Count(p => p.MentorEnrolmentId == m) < programme.MenteesPerMentor).ToList();
                if (free.Count > 0) return (pairing, free, mentors.Except(free).ToList(), codes);
            }
            throw new InvalidOperationException("The demo has no pair whose mentee another mentor could take");
        });
        var page = $"/programmes/{id}/allocation";
        var end = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["pairingId"] = ended.Id.ToString() }, $"{page}?handler=End");
        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        var html = await coordinator.GetStringAsync(page);
        Assert.Contains("Mentees waiting for a mentor", html);
        Assert.Contains("An earlier pairing ended", html);
        var waiting = html[html.IndexOf("id=\"waiting\"", StringComparison.Ordinal)..];
        waiting = waiting[..waiting.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains(names[ended.MenteeEnrolmentId], waiting);
        foreach (var mentor in expected) Assert.Contains($"value=\"{mentor}\"", waiting);
        foreach (var mentor in excluded) Assert.DoesNotContain($"value=\"{mentor}\"", waiting);

        // One press pairs them, through the same checks as pairing by hand.
        var chosen = expected[0];
        var paired = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Hand.Mentee"] = ended.MenteeEnrolmentId.ToString(), ["Hand.Mentor"] = chosen.ToString() }, $"{page}?handler=Pair");
        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.Pairings.AnyAsync(p => p.MenteeEnrolmentId == ended.MenteeEnrolmentId && p.MentorEnrolmentId == chosen && p.Status == PairingStatus.Active)));
        Assert.DoesNotContain("Mentees waiting for a mentor", await coordinator.GetStringAsync(page));

        // The ended mentor is refused even if the form is forged.
        await Factory.WithDbAsync(db => db.Pairings.Where(p => p.MenteeEnrolmentId == ended.MenteeEnrolmentId && p.Status == PairingStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PairingStatus.Ended)));
        var forged = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Hand.Mentee"] = ended.MenteeEnrolmentId.ToString(), ["Hand.Mentor"] = ended.MentorEnrolmentId.ToString() }, $"{page}?handler=Pair");
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("They were paired before and the pairing was ended", await forged.Content.ReadAsStringAsync());
    }
}
