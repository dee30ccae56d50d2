using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>The facilitator's phase 1 desk: every mentee with where their notes and brief are.</summary>
[Requires(ProgrammeCapability.FacilitatePhaseOne)]
public sealed class IndexModel(UpwardDbContext db) : ProgrammePageModel
{
    public PhaseOneSettings Settings { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(Participant Mentee, int NotesRecorded, int Contributors, BriefStatus? Brief);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Settings = await db.PhaseOneSettingsForAsync(ProgrammeId, ct);
        var mine = await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct);
        var mentees = (await db.ParticipantsAsync(ProgrammeId, ProgrammeRole.Mentee, ct)).Where(m => m.EnrolmentId != mine).ToList();
        var notes = await db.GroupNotes.Where(n => n.ProgrammeId == ProgrammeId && n.Points != "").GroupBy(n => n.MenteeEnrolmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var contributors = await db.AnonymousContributors.Where(c => c.ProgrammeId == ProgrammeId).GroupBy(c => c.MenteeEnrolmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var briefs = await db.FeedbackBriefs.Where(b => b.ProgrammeId == ProgrammeId).Select(b => new { b.MenteeEnrolmentId, b.Status }).ToListAsync(ct);
        Rows = mentees.Select(m => new Row(m,
                notes.SingleOrDefault(n => n.Key == m.EnrolmentId)?.Count ?? 0,
                contributors.SingleOrDefault(c => c.Key == m.EnrolmentId)?.Count ?? 0,
                briefs.SingleOrDefault(b => b.MenteeEnrolmentId == m.EnrolmentId)?.Status))
            .ToList();
        return Page();
    }

    public static string Describe(BriefStatus? status) => status switch
    {
        null => "Not started",
        BriefStatus.Draft => "Draft",
        BriefStatus.Reviewed => "Reviewed",
        BriefStatus.ReleasedToMentor => "Released to mentor",
        BriefStatus.ReleasedToMentee => "Released to mentee",
        _ => status.ToString()!,
    };
}
