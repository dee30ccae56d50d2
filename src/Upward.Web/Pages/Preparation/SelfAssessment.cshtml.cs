using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;
using Assessment = Upward.Core.Preparation.SelfAssessment;

namespace Upward.Web.Pages.Preparation;

/// <summary>A mentor says how ready they feel before pairing; "not yet" tells the coordinator where to help.</summary>
[Requires(ProgrammeCapability.PrepareToMentor)]
public sealed class SelfAssessmentModel(UpwardDbContext db, PreparationQueries queries, TimeProvider clock) : ProgrammePageModel
{
    /// <summary>"yes" or "not-yet" for each statement, by its key.</summary>
    [BindProperty] public Dictionary<string, string?> Answers { get; set; } = [];
    [BindProperty] public string? HelpWanted { get; set; }

    private Guid _enrolmentId;

    public static readonly IReadOnlyList<RadioOption> Choices = [new("yes", "Yes"), new("not-yet", "Not yet")];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.SelfAssessments.AsNoTracking().SingleOrDefaultAsync(s => s.EnrolmentId == _enrolmentId, ct) is { } existing)
        {
            Answers = Assessment.Statements.ToDictionary(s => s.Key, s => (string?)(existing.NotYet.Contains(s.Key) ? "not-yet" : "yes"));
            HelpWanted = existing.HelpWanted;
        }
        return Form();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        foreach (var statement in Assessment.Statements)
        {
            if (Answers.GetValueOrDefault(statement.Key) is not ("yes" or "not-yet"))
                ModelState.AddModelError($"Answers[{statement.Key}]", $"Select yes or not yet for \"{statement.Text}\"");
        }
        var help = string.IsNullOrWhiteSpace(HelpWanted) ? null : HelpWanted.Trim();
        if (help is { Length: > Assessment.HelpWantedMaxLength }) ModelState.AddModelError(nameof(HelpWanted), $"What you would like help with must be {Assessment.HelpWantedMaxLength:N0} characters or fewer");
        if (!ModelState.IsValid) return Form();

        var notYet = Assessment.Statements.Where(s => Answers[s.Key] == "not-yet").Select(s => s.Key).ToList();
        await db.WriteAtomicallyAsync(async ct =>
        {
            // Sent twice at once, the two take turns on the enrolment and the later answer stands.
            await db.LockAsync<Enrolment>(_enrolmentId, ct);
            var row = await db.SelfAssessments.SingleOrDefaultAsync(s => s.EnrolmentId == _enrolmentId, ct);
            if (row is null) db.SelfAssessments.Add(row = new Assessment { EnrolmentId = _enrolmentId, ProgrammeId = ProgrammeId });
            row.NotYet = notYet;
            row.HelpWanted = help;
            row.AssessedAtUtc = clock.GetUtcNow().UtcDateTime;
            db.Audit(AuditAction.SelfAssessed, User.UserId(), Programme.OrganisationId, ProgrammeId, $"enrolment:{_enrolmentId}");
            return await db.SaveChangesAsync(ct);
        }, ct);
        return RedirectToPage("/Preparation/Index", new { programmeId = ProgrammeId });
    }

    /// <summary>
    /// The page with a radio group per statement. The view reads <c>Answers[key]</c> for each one, so a
    /// mentor who has not answered yet (or posted only some) needs every key present, unanswered.
    /// </summary>
    private IActionResult Form()
    {
        foreach (var statement in Assessment.Statements) Answers.TryAdd(statement.Key, null);
        return Page();
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var enrolment = await queries.MyEnrolmentAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct);
        if (enrolment is null) return RedirectToPage("/People/Consent", new { programmeId = ProgrammeId });
        _enrolmentId = enrolment.Id;
        return null;
    }
}
