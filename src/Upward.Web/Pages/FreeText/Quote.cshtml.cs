using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Themes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>Choose the answer that stands for a theme in Table 1; only from someone who agreed to be quoted anonymously.</summary>
[Requires(ProgrammeCapability.CodeFreeText)]
public sealed class QuoteModel(UpwardDbContext db, FreeTextAnswers answers, TimeProvider clock) : ProgrammePageModel
{
    [FromRoute(Name = "themeId")] public Guid ThemeId { get; set; }
    [BindProperty] public Guid? AnswerId { get; set; }
    public Theme Theme { get; private set; } = null!;
    public IReadOnlyList<FreeTextAnswer> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        AnswerId = await db.RepresentativeQuotes.Where(q => q.ThemeId == ThemeId).Select(q => (Guid?)q.AnswerId).SingleOrDefaultAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (AnswerId is null)
        {
            ModelState.AddModelError(nameof(AnswerId), "Select the answer to quote");
            return Page();
        }
        if (Candidates.SingleOrDefault(a => a.AnswerId == AnswerId) is not { } chosen)
        {
            return NotFound();
        }
        if (!chosen.MayQuote)
        {
            ModelState.AddModelError(nameof(AnswerId), $"{chosen.ParticipantCode} did not agree to be quoted; select an answer from someone who did");
            return Page();
        }
        var quote = await db.RepresentativeQuotes.SingleOrDefaultAsync(q => q.ThemeId == ThemeId, ct);
        if (quote is null)
        {
            db.RepresentativeQuotes.Add(new RepresentativeQuote { ThemeId = ThemeId, ProgrammeId = ProgrammeId, AnswerId = chosen.AnswerId, ChosenAtUtc = clock.GetUtcNow().UtcDateTime });
        }
        else
        {
            quote.AnswerId = chosen.AnswerId;
            quote.ChosenAtUtc = clock.GetUtcNow().UtcDateTime;
        }
        db.Audit(AuditAction.QuoteChosen, User.UserId(), Programme.OrganisationId, ProgrammeId, $"theme:{ThemeId}:answer:{chosen.AnswerId}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/FreeText/Table", new { programmeId = ProgrammeId });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await db.Themes.SingleOrDefaultAsync(t => t.Id == ThemeId && t.ProgrammeId == ProgrammeId, ct) is not { } theme)
        {
            return NotFound();
        }
        Theme = theme;
        Candidates = await answers.CodedUnderAsync(ProgrammeId, ThemeId, ct);
        return null;
    }
}
