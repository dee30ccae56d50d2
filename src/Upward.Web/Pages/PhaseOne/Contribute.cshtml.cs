using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>A mentor's list of mentees to give anonymous feedback on, and which they have already done.</summary>
[Requires(ProgrammeCapability.ContributeFeedback)]
public sealed class ContributeModel(UpwardDbContext db) : ProgrammePageModel
{
    public bool AnonymousMode { get; private set; }
    public IReadOnlyList<Participant> Mentees { get; private set; } = [];
    public ISet<Guid> Done { get; private set; } = new HashSet<Guid>();
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool sent, CancellationToken ct)
    {
        AnonymousMode = (await db.PhaseOneSettingsForAsync(ProgrammeId, ct)).Mode == FeedbackMode.Anonymous;
        var me = await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct);
        var myMenteeSelf = await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct);
        Mentees = (await db.ParticipantsAsync(ProgrammeId, ProgrammeRole.Mentee, ct)).Where(m => m.EnrolmentId != myMenteeSelf).ToList();
        Done = (await db.AnonymousContributors.Where(c => c.MentorEnrolmentId == me).Select(c => c.MenteeEnrolmentId).ToListAsync(ct)).ToHashSet();
        Sent = sent;
        return Page();
    }
}
