using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Core.People;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>A mentor says, mentee by mentee, whether they would mentor them. Mentees never see this.</summary>
[Requires(ProgrammeCapability.DeclareWillingness)]
public sealed class WillingnessModel(UpwardDbContext db, TimeProvider clock) : ProgrammePageModel
{
    [BindProperty] public List<Answer> Answers { get; set; } = [];
    public IReadOnlyList<Participant> Mentees { get; private set; } = [];
    public ISet<Guid> Supervisors { get; private set; } = new HashSet<Guid>();
    public bool Saved { get; private set; }

    public sealed class Answer
    {
        public Guid MenteeEnrolmentId { get; set; }
        public bool? Willing { get; set; }
        public string? Reason { get; set; }
    }

    public const int ReasonLimit = 1000;

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        var mentorId = await LoadAsync(ct);
        var existing = await db.Willingness.Where(w => w.MentorEnrolmentId == mentorId).ToListAsync(ct);
        Answers = Mentees.Select(m => existing.SingleOrDefault(w => w.MenteeEnrolmentId == m.EnrolmentId) is { } w
                ? new Answer { MenteeEnrolmentId = m.EnrolmentId, Willing = w.Willing, Reason = w.PrivateReason }
                : new Answer { MenteeEnrolmentId = m.EnrolmentId })
            .ToList();
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var mentorId = await LoadAsync(ct);
        var known = Mentees.Select(m => m.EnrolmentId).ToHashSet();
        if (Answers.Count != Mentees.Count || Answers.Any(a => !known.Contains(a.MenteeEnrolmentId)) || Answers.Select(a => a.MenteeEnrolmentId).Distinct().Count() != Answers.Count)
        {
            // A tampered or out-of-date form: say so and save nothing rather than guess.
            Answers = Mentees.Select(m => Answers.FirstOrDefault(a => a.MenteeEnrolmentId == m.EnrolmentId) ?? new Answer { MenteeEnrolmentId = m.EnrolmentId }).ToList();
            ModelState.Clear();
            ModelState.AddModelError("", "The list of mentees has changed since the page was opened. Check your answers and save again.");
            return Page();
        }
        for (var i = 0; i < Answers.Count; i++)
        {
            var name = Mentees.Single(m => m.EnrolmentId == Answers[i].MenteeEnrolmentId).Name;
            if (ModelState[$"Answers[{i}].Willing"] is { Errors.Count: > 0 } bad)
            {
                bad.Errors.Clear();
                ModelState.AddModelError($"Answers[{i}].Willing", $"Select yes or no for {name}");
            }
            else if (Answers[i].Willing is null)
            {
                ModelState.AddModelError($"Answers[{i}].Willing", $"Select yes or no for {name}");
            }
            if (Answers[i].Reason is { Length: > ReasonLimit })
            {
                ModelState.AddModelError($"Answers[{i}].Reason", $"Your reason about {name} must be {ReasonLimit} characters or fewer");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = Answers.Select(answer => new Willingness
        {
            ProgrammeId = ProgrammeId, MentorEnrolmentId = mentorId, MenteeEnrolmentId = answer.MenteeEnrolmentId, Willing = answer.Willing!.Value,
            PrivateReason = string.IsNullOrWhiteSpace(answer.Reason) ? null : answer.Reason.Trim(), RecordedAtUtc = now,
        }).OrderBy(w => w.MenteeEnrolmentId);
        await db.WriteAtomicallyAsync(async ct =>
        {
            // One statement per save: the same form sent twice at once (two tabs, a double tap) ends with the later answers, never an error.
            await db.UpsertAsync(rows, w => new { w.MentorEnrolmentId, w.MenteeEnrolmentId }, w => new { w.Willing, w.PrivateReason, w.RecordedAtUtc }, ct);
            db.Audit(AuditAction.WillingnessRecorded, User.UserId(), Programme.OrganisationId, ProgrammeId, $"enrolment:{mentorId}");
            return await db.SaveChangesAsync(ct);
        }, ct);
        return RedirectToPage("/PhaseOne/Willingness", new { programmeId = ProgrammeId, saved = "true" });
    }

    private async Task<Guid> LoadAsync(CancellationToken ct)
    {
        var mentorId = (await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct))!.Value;
        // In a reciprocal programme one may be a mentee too; nobody is asked about mentoring themselves.
        var myMenteeSelf = await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct);
        Mentees = (await db.ParticipantsAsync(ProgrammeId, ProgrammeRole.Mentee, ct)).Where(m => m.EnrolmentId != myMenteeSelf).ToList();
        Supervisors = (await db.Relationships.Where(s => s.Kind == RelationshipKind.ClinicalSupervisor && s.MentorEnrolmentId == mentorId).Select(s => s.MenteeEnrolmentId).ToListAsync(ct)).ToHashSet();
        return mentorId;
    }

    public string NameOf(Guid menteeId) => Mentees.SingleOrDefault(m => m.EnrolmentId == menteeId)?.Name ?? "this mentee";
}
