using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Core.People;

namespace Upward.Web.Demo;

/// <summary>
/// Phase 1 of the demo pilot: group mode, one supervisor per mentor, and willingness shaped like
/// the paper's (3 of 6 willing to mentor all, 2 of 6 willing for 3 of 5, 1 for 4 of 5).
/// </summary>
public static class DemoPhaseOne
{
    /// <summary>How many of the five mentees (in code order) each mentor is willing to mentor.</summary>
    private static readonly int[] WillingFor = [5, 5, 5, 3, 3, 4];

    public static async Task LoadAsync(UpwardDbContext db, Guid programmeId, DateTime nowUtc, CancellationToken ct)
    {
        db.PhaseOneSettings.Add(new PhaseOneSettings { ProgrammeId = programmeId, Mode = FeedbackMode.Group, MenteeMaySeeBrief = true, MenteesMayChooseMentors = true });
        var enrolments = await db.Enrolments.Where(e => e.ProgrammeId == programmeId).ToListAsync(ct);
        var mentors = enrolments.Where(e => e.Role == ProgrammeRole.Mentor).OrderBy(e => e.ParticipantCode).ToList();
        var mentees = enrolments.Where(e => e.Role == ProgrammeRole.Mentee).OrderBy(e => e.ParticipantCode).ToList();
        for (var i = 0; i < mentors.Count; i++)
        {
            var supervisor = mentees[i % mentees.Count];
            db.Relationships.Add(new Relationship { ProgrammeId = programmeId, MentorEnrolmentId = mentors[i].Id, MenteeEnrolmentId = supervisor.Id, Kind = RelationshipKind.ClinicalSupervisor, DeclaredAtUtc = nowUtc });
            for (var j = 0; j < mentees.Count; j++)
            {
                var willing = j < WillingFor[i % WillingFor.Length];
                db.Willingness.Add(new Willingness
                {
                    ProgrammeId = programmeId, MentorEnrolmentId = mentors[i].Id, MenteeEnrolmentId = mentees[j].Id, Willing = willing,
                    PrivateReason = !willing && mentees[j] == supervisor ? "They supervise me and sign off my portfolio." : null,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
