using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Themes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>Mask identifying words in one answer before it is coded; the original is kept for the coordinator or discarded.</summary>
[Requires(ProgrammeCapability.RedactFreeText)]
public sealed class RedactModel(UpwardDbContext db, FreeTextAnswers answers, TimeProvider clock) : ProgrammePageModel
{
    public const string Keep = "keep";
    public const string Discard = "discard";

    [FromRoute(Name = "answerId")] public Guid AnswerId { get; set; }
    [BindProperty] public RedactInput Input { get; set; } = new();
    public FreeTextAnswer Answer { get; private set; } = null!;

    public sealed class RedactInput
    {
        [Required(ErrorMessage = "Enter the words to mask")]
        [StringLength(2000, ErrorMessage = "The words to mask must be 2000 characters or fewer")]
        public string? Words { get; set; }

        [Required(ErrorMessage = "Select what happens to the original answer")]
        [RegularExpression("^(keep|discard)$", ErrorMessage = "Select what happens to the original answer")]
        public string? Original { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var phrases = (Input.Words ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ModelState.IsValid)
        {
            foreach (var missing in Redaction.Missing(Answer.Text, phrases))
            {
                ModelState.AddModelError("Input.Words", $"‘{missing}’ does not appear in the answer");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var redacted = Redaction.Redact(Answer.Text, phrases);
        var masked = redacted.Text;
        // Passages were coded on the text as it was: carry them to the same words in the masked text.
        foreach (var coding in await db.Codings.Where(c => c.AnswerId == AnswerId && c.PassageStart != null && c.PassageLength != null).ToListAsync(ct))
        {
            (coding.PassageStart, coding.PassageLength) = PassageAfterRedaction.Map(coding.PassageStart!.Value, coding.PassageLength!.Value, redacted);
        }
        var answer = await db.Answers.SingleAsync(a => a.Id == AnswerId, ct);
        var redaction = await db.AnswerRedactions.SingleOrDefaultAsync(r => r.AnswerId == AnswerId, ct);
        if (redaction is null)
        {
            redaction = new AnswerRedaction { AnswerId = AnswerId, ProgrammeId = ProgrammeId, RedactedText = masked, OriginalKeptForCoordinator = true };
            db.AnswerRedactions.Add(redaction);
        }
        redaction.RedactedText = masked;
        redaction.RedactedAtUtc = clock.GetUtcNow().UtcDateTime;
        redaction.RedactedByEnrolmentId = await answers.EnrolmentOfAsync(ProgrammeId, User.UserId(), [ProgrammeRole.Researcher, ProgrammeRole.Coordinator], ct);
        if (Input.Original == Discard)
        {
            // "Or discarded": the identifying words are then gone from the database, not just hidden.
            answer.Text = masked;
            redaction.OriginalKeptForCoordinator = false;
        }
        // Once discarded an original cannot come back, so "keep" never sets the flag again.
        db.Audit(AuditAction.FreeTextRedacted, User.UserId(), Programme.OrganisationId, Programme.Id, $"{AnswerId} original {(redaction.OriginalKeptForCoordinator ? "kept" : "discarded")}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/FreeText/Index", null, new { programmeId = ProgrammeId }, $"answer-{AnswerId}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var answer = await answers.FindAsync(ProgrammeId, AnswerId, withOriginals: false, ct);
        if (answer is null)
        {
            return NotFound();
        }
        Answer = answer;
        return null;
    }
}
