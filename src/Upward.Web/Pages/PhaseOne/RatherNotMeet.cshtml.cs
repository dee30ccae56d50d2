using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.PhaseOne;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>Where the programme allows, a mentee names mentors they would rather not meet. Mentors never see it.</summary>
public sealed class RatherNotMeetModel(ProgrammeGate gate, UpwardDbContext db) : ProgrammePageModel(gate)
{
    [BindProperty] public List<Guid> Declined { get; set; } = [];
    public IReadOnlyList<Participant> Mentors { get; private set; } = [];
    public bool Allowed { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        if (await EnterAsync(ProgrammeCapability.DeclineMentors, ct) is { } refused)
        {
            return refused;
        }
        var me = await LoadAsync(ct);
        Declined = await db.MentorDeclines.Where(d => d.MenteeEnrolmentId == me).Select(d => d.MentorEnrolmentId).ToListAsync(ct);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await EnterAsync(ProgrammeCapability.DeclineMentors, ct) is { } refused)
        {
            return refused;
        }
        var me = await LoadAsync(ct);
        if (!Allowed)
        {
            return Page();
        }
        var known = Mentors.Select(m => m.EnrolmentId).ToHashSet();
        if (Declined.Any(id => !known.Contains(id)))
        {
            Declined = Declined.Where(known.Contains).ToList();
            ModelState.Clear();
            ModelState.AddModelError("Declined", "The list of mentors has changed since the page was opened. Check your choices and save again.");
            return Page();
        }
        var existing = await db.MentorDeclines.Where(d => d.MenteeEnrolmentId == me).ToListAsync(ct);
        db.MentorDeclines.RemoveRange(existing.Where(d => !Declined.Contains(d.MentorEnrolmentId)));
        foreach (var mentorId in Declined.Distinct().Where(id => existing.All(d => d.MentorEnrolmentId != id)))
        {
            db.MentorDeclines.Add(new MentorDecline { ProgrammeId = ProgrammeId, MenteeEnrolmentId = me, MentorEnrolmentId = mentorId });
        }
        await db.SaveChangesAsync(ct);
        return Redirect($"/programmes/{ProgrammeId}/phase-one/rather-not-meet?saved=true");
    }

    private async Task<Guid> LoadAsync(CancellationToken ct)
    {
        Allowed = (await db.PhaseOneSettingsForAsync(ProgrammeId, ct)).MenteesMayDeclineMentors;
        var me = (await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct))!.Value;
        var myMentorSelf = await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct);
        Mentors = (await db.ParticipantsAsync(ProgrammeId, ProgrammeRole.Mentor, ct)).Where(m => m.EnrolmentId != myMentorSelf).ToList();
        return me;
    }
}
