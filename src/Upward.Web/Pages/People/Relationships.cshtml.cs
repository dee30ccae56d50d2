using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.People;

/// <summary>The coordinator records clinical supervision and conflicts of interest between mentors and mentees.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class RelationshipsModel(UpwardDbContext db, TimeProvider clock) : ProgrammePageModel
{
    [BindProperty] public RelationshipInput Input { get; set; } = new();

    public sealed record Person(Guid Id, string Label);
    public sealed record Row(Guid Id, string Mentor, string Mentee, string Kind);

    public IReadOnlyList<Person> Mentors { get; private set; } = [];
    public IReadOnlyList<Person> Mentees { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public static readonly IReadOnlyList<RadioOption> KindOptions =
    [
        new(nameof(RelationshipKind.ClinicalSupervisor), "The mentee is the mentor's clinical supervisor", "They may still be paired, as in the published study, unless the programme forbids it."),
        new(nameof(RelationshipKind.ConflictOfInterest), "A conflict of interest", "They will never be paired."),
    ];

    public sealed class RelationshipInput
    {
        [Required(ErrorMessage = "Select a mentor")] public Guid? MentorEnrolmentId { get; set; }
        [Required(ErrorMessage = "Select a mentee")] public Guid? MenteeEnrolmentId { get; set; }
        [Required(ErrorMessage = "Select what ties them")] public RelationshipKind? Kind { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // Ids come from the form: accept only this programme's mentors and mentees.
        if (Input.MentorEnrolmentId is { } mentorId && Mentors.All(m => m.Id != mentorId))
            ModelState.AddModelError("Input.MentorEnrolmentId", "Select a mentor of this programme");
        if (Input.MenteeEnrolmentId is { } menteeId && Mentees.All(m => m.Id != menteeId))
            ModelState.AddModelError("Input.MenteeEnrolmentId", "Select a mentee of this programme");
        if (ModelState.IsValid && await db.Relationships.AnyAsync(r => r.ProgrammeId == Programme.Id && r.MentorEnrolmentId == Input.MentorEnrolmentId
                && r.MenteeEnrolmentId == Input.MenteeEnrolmentId && r.Kind == Input.Kind, ct))
            ModelState.AddModelError("Input.Kind", "This tie is already recorded");
        if (!ModelState.IsValid) return Page();

        var relationship = new Relationship
        {
            ProgrammeId = Programme.Id,
            MentorEnrolmentId = Input.MentorEnrolmentId!.Value,
            MenteeEnrolmentId = Input.MenteeEnrolmentId!.Value,
            Kind = Input.Kind!.Value,
            DeclaredAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Relationships.Add(relationship);
        db.Audit(AuditAction.RelationshipDeclared, User.UserId(), Programme.OrganisationId, Programme.Id, $"relationship:{relationship.Id}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/People/Relationships", new { programmeId = Programme.Id });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid relationshipId, CancellationToken ct)
    {
        var relationship = await db.Relationships.SingleOrDefaultAsync(r => r.Id == relationshipId && r.ProgrammeId == Programme.Id, ct);
        if (relationship is null) return NotFound();
        db.Relationships.Remove(relationship);
        db.Audit(AuditAction.RelationshipRemoved, User.UserId(), Programme.OrganisationId, Programme.Id, $"relationship:{relationship.Id}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/People/Relationships", new { programmeId = Programme.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var people = await db.Enrolments
            .Where(e => e.ProgrammeId == Programme.Id && e.Status != EnrolmentStatus.Withdrawn && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee))
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.Role, e.ParticipantCode, u.DisplayName })
            .ToListAsync(ct);
        var labels = people.ToDictionary(p => p.Id, p => $"{p.DisplayName} ({p.ParticipantCode})");
        Mentors = people.Where(p => p.Role == ProgrammeRole.Mentor).OrderBy(p => p.ParticipantCode).Select(p => new Person(p.Id, labels[p.Id])).ToList();
        Mentees = people.Where(p => p.Role == ProgrammeRole.Mentee).OrderBy(p => p.ParticipantCode).Select(p => new Person(p.Id, labels[p.Id])).ToList();
        var relationships = await db.Relationships.Where(r => r.ProgrammeId == Programme.Id).ToListAsync(ct);
        Rows = relationships
            .Where(r => labels.ContainsKey(r.MentorEnrolmentId) && labels.ContainsKey(r.MenteeEnrolmentId))
            .Select(r => new Row(r.Id, labels[r.MentorEnrolmentId], labels[r.MenteeEnrolmentId],
                r.Kind == RelationshipKind.ClinicalSupervisor ? "Clinical supervisor" : "Conflict of interest"))
            .OrderBy(r => r.Mentor).ToList();
    }
}
