using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Programmes;
using Upward.Core.People;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>The coordinator's view of every mentor's willingness, with the summary that guides the allocation.</summary>
[Requires(ProgrammeCapability.ViewWillingness)]
public sealed class WillingnessMatrixModel(UpwardDbContext db) : ProgrammePageModel
{
    public IReadOnlyList<Participant> Mentors { get; private set; } = [];
    public IReadOnlyList<Participant> Mentees { get; private set; } = [];
    public IReadOnlyList<Willingness> Answers { get; private set; } = [];
    public ISet<(Guid Mentor, Guid Mentee)> Supervisions { get; private set; } = new HashSet<(Guid, Guid)>();
    public ISet<(Guid Mentor, Guid Mentee)> Declines { get; private set; } = new HashSet<(Guid, Guid)>();
    public WillingnessSummary Summary { get; private set; } = null!;

    /// <summary>
    /// A mentor's private reason is for the people running their programme: an organisation
    /// administrator sees the yes and no (the allocation needs them) but reasons only where they coordinate.
    /// </summary>
    public bool ShowReasons => MyRoles.Contains(ProgrammeRole.Coordinator);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Mentors = await db.ParticipantsAsync(ProgrammeId, ProgrammeRole.Mentor, ct);
        Mentees = await db.ParticipantsAsync(ProgrammeId, ProgrammeRole.Mentee, ct);
        Answers = await db.Willingness.Where(w => w.ProgrammeId == ProgrammeId).ToListAsync(ct);
        Supervisions = (await db.Relationships.Where(s => s.ProgrammeId == ProgrammeId && s.Kind == RelationshipKind.ClinicalSupervisor).Select(s => new { s.MentorEnrolmentId, s.MenteeEnrolmentId }).ToListAsync(ct))
            .Select(s => (s.MentorEnrolmentId, s.MenteeEnrolmentId)).ToHashSet();
        Declines = (await db.MentorDeclines.Where(d => d.ProgrammeId == ProgrammeId).Select(d => new { d.MentorEnrolmentId, d.MenteeEnrolmentId }).ToListAsync(ct))
            .Select(d => (d.MentorEnrolmentId, d.MenteeEnrolmentId)).ToHashSet();
        Summary = WillingnessSummary.Compute(Mentors.Select(m => m.EnrolmentId).ToList(), Mentees.Select(m => m.EnrolmentId).ToList(), Answers);
        return Page();
    }

    public Willingness? AnswerOf(Guid mentor, Guid mentee) => Answers.SingleOrDefault(a => a.MentorEnrolmentId == mentor && a.MenteeEnrolmentId == mentee);
}
