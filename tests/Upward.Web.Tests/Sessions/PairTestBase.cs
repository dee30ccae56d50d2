using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Sessions;

/// <summary>Tests of a pair's pages: the demo's first pair (allocated at random with a fixed seed if none yet) and its two people.</summary>
public abstract class PairTestBase(UpwardFactory factory) : PeopleTestBase(factory)
{
    protected async Task<(Guid ProgrammeId, Pairing Pairing, string Mentor, string Mentee)> PairAsync()
    {
        var id = await ProgrammeIdAsync();
        var existing = await Factory.WithDbAsync(db => db.Pairings.FirstOrDefaultAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Active));
        if (existing is null)
        {
            var coordinator = await AsAsync("coordinator");
            await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Random&Seed=7",
                new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "7" }, $"/programmes/{id}/allocation?handler=Confirm");
            existing = await Factory.WithDbAsync(db => db.Pairings.FirstAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Active));
        }
        var codes = await Factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == existing.MentorEnrolmentId || e.Id == existing.MenteeEnrolmentId)
            .Select(e => new { e.Role, e.ParticipantCode }).ToListAsync());
        string Local(ProgrammeRole role, string prefix) => prefix + int.Parse(codes.Single(c => c.Role == role).ParticipantCode[3..]);
        return (id, existing, Local(ProgrammeRole.Mentor, "mentor"), Local(ProgrammeRole.Mentee, "mentee"));
    }

    /// <summary>Both sides accept the ground rules, which every session needs first.</summary>
    protected async Task AcceptRulesAsync(Guid programmeId, Guid pairingId, string mentor, string mentee)
    {
        var url = $"/programmes/{programmeId}/pairing/{pairingId}";
        await (await AsAsync(mentor)).SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=AcceptRules");
        await (await AsAsync(mentee)).SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=AcceptRules");
    }
}
