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

    public sealed record Row(Guid Id, string Mentor, string Mentee, string Kind);

    /// <summary>Whether the programme has anyone to tie yet: both a mentor and a mentee not withdrawn.</summary>
    public bool HasBoth { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public static readonly IReadOnlyList<RadioOption> KindOptions =
    [
        new(nameof(RelationshipKind.ClinicalSupervisor), "The mentee is the mentor's clinical supervisor", "They may still be paired, as in the published study, unless the programme forbids it."),
        new(nameof(RelationshipKind.ConflictOfInterest), "A conflict of interest", "They will never be paired."),
    ];

    /// <summary>
    /// A participant code each, as typed (a programme of thousands is too many to list), or an enrolment id; the
    /// field names are kept from when they were lists.
    /// </summary>
    public sealed class RelationshipInput
    {
        public string? MentorEnrolmentId { get; set; }
        public string? MenteeEnrolmentId { get; set; }
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
        // Only this programme's mentors and mentees, found from their codes (or ids) in the database.
        var mentorId = await PersonAsync("Input.MentorEnrolmentId", Input.MentorEnrolmentId, ProgrammeRole.Mentor, ct);
        var menteeId = await PersonAsync("Input.MenteeEnrolmentId", Input.MenteeEnrolmentId, ProgrammeRole.Mentee, ct);
        if (ModelState.IsValid && await db.Relationships.AnyAsync(r => r.ProgrammeId == Programme.Id && r.MentorEnrolmentId == mentorId
                && r.MenteeEnrolmentId == menteeId && r.Kind == Input.Kind, ct))
            ModelState.AddModelError("Input.Kind", "This tie is already recorded");
        if (!ModelState.IsValid) return Page();

        var relationship = new Relationship
        {
            ProgrammeId = Programme.Id,
            MentorEnrolmentId = mentorId!.Value,
            MenteeEnrolmentId = menteeId!.Value,
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

    /// <summary>One side of the tie from its code, or an error on its field; the field then shows the code, as typed.</summary>
    private async Task<Guid?> PersonAsync(string field, string? typed, ProgrammeRole role, CancellationToken ct)
    {
        var lookup = await ParticipantCodeLookup.FindAsync(db, Programme.Id, typed, role, ct);
        var error = lookup.Error ?? (lookup.Found is { Status: EnrolmentStatus.Withdrawn } ? $"{lookup.Code} has withdrawn from the programme" : null);
        ParticipantCodeLookup.ShowOnField(ModelState, field, typed, lookup.Code, error);
        if (error is not null)
        {
            return null;
        }
        return lookup.Found!.EnrolmentId;
    }

    /// <summary>The ties recorded, with only their people's names read (not the whole programme's).</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        var inProgramme = db.Enrolments.Where(e => e.ProgrammeId == Programme.Id && e.Status != EnrolmentStatus.Withdrawn);
        HasBoth = await inProgramme.AnyAsync(e => e.Role == ProgrammeRole.Mentor, ct) && await inProgramme.AnyAsync(e => e.Role == ProgrammeRole.Mentee, ct);
        var relationships = await db.Relationships.AsNoTracking().Where(r => r.ProgrammeId == Programme.Id).ToListAsync(ct);
        var ids = relationships.SelectMany(r => new[] { r.MentorEnrolmentId, r.MenteeEnrolmentId }).Distinct().ToList();
        var labels = await inProgramme.Where(e => ids.Contains(e.Id))
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, u.DisplayName })
            .ToDictionaryAsync(p => p.Id, p => $"{p.DisplayName} ({p.ParticipantCode})", ct);
        Rows = relationships
            .Where(r => labels.ContainsKey(r.MentorEnrolmentId) && labels.ContainsKey(r.MenteeEnrolmentId))
            .Select(r => new Row(r.Id, labels[r.MentorEnrolmentId], labels[r.MenteeEnrolmentId],
                r.Kind == RelationshipKind.ClinicalSupervisor ? "Clinical supervisor" : "Conflict of interest"))
            .OrderBy(r => r.Mentor).ToList();
    }
}
