using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Designs;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

/// <summary>The programme's home: a task list of the method's steps for this person, and what to do next.</summary>
[Requires(ProgrammeCapability.ViewOverview)]
public sealed class OverviewModel(UpwardDbContext db, TimeProvider clock, PageLinks pages) : ProgrammePageModel
{
    public ProgrammeTaskList Tasks { get; private set; } = new([], [], null, []);

    /// <summary>A mentee's arm in a waitlist control, once the coordinator has told them; null before, and for everyone else.</summary>
    public Arm? MyArm { get; private set; }

    /// <summary>Whether the programme is a waitlist control, for those who manage it (its randomisation page).</summary>
    public bool ManagesWaitlist { get; private set; }

    /// <summary>Whether the programme is a stepped wedge, for those who manage it (its schedule page).</summary>
    public bool ManagesSteppedWedge { get; private set; }

    /// <summary>A stepped wedge mentee's step, their department and its start date, once the schedule is released; null before and otherwise.</summary>
    public (int Step, int Of, string? Department, DateOnly StartsOn)? MyStep { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Tasks = await new ProgrammeTaskListQuery(db, clock, pages).ForAsync(Programme, MyRoles, IsOrganisationAdmin, User.UserId(), ct);
        if (May(ProgrammeCapability.Manage))
        {
            var plan = (await db.CurrentAsync(Programme, ct)).Plan;
            ManagesWaitlist = plan.IsWaitlist;
            ManagesSteppedWedge = plan.IsSteppedWedge;
        }
        if (MyRoles.Contains(ProgrammeRole.Mentee))
        {
            var userId = User.UserId();
            // Only a released allocation is read at all: before release nothing of the arm reaches the page.
            MyArm = await (from a in db.ArmAssignments
                           join e in db.Enrolments on a.EnrolmentId equals e.Id
                           join w in db.WaitlistAllocations on a.ProgrammeId equals w.ProgrammeId
                           where a.ProgrammeId == ProgrammeId && e.UserId == userId && w.ReleasedAtUtc != null
                           select (int?)a.Step).FirstOrDefaultAsync(ct) is { } step ? Steps.ArmOf(step) : null;
            // A stepped wedge tells its step and start date instead of an arm.
            if (MyArm is not null && await db.WaitlistAllocations.AnyAsync(w => w.ProgrammeId == ProgrammeId && w.Design == Upward.Core.Evaluation.AnalysisPlan.SteppedWedge, ct))
            {
                var mine = await (from a in db.ArmAssignments
                                  join e in db.Enrolments on a.EnrolmentId equals e.Id
                                  join s in db.DesignSteps on new { a.ProgrammeId, Number = a.Step } equals new { s.ProgrammeId, s.Number }
                                  where a.ProgrammeId == ProgrammeId && e.UserId == userId
                                  select new { a.Step, e.Department, s.StartsOn }).FirstAsync(ct);
                MyStep = (mine.Step, await db.DesignSteps.CountAsync(s => s.ProgrammeId == ProgrammeId, ct), mine.Department, mine.StartsOn);
                MyArm = null;
            }
        }
        return Page();
    }
}
