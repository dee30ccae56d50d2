using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Themes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Paging;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>Choose the answer that stands for a theme in Table 1; only from someone who agreed to be quoted anonymously.</summary>
[Requires(ProgrammeCapability.CodeFreeText)]
public sealed class QuoteModel(UpwardDbContext db, FreeTextAnswers answers, TimeProvider clock) : ProgrammePageModel
{
    /// <summary>Candidates on one page: a theme of a large programme carries thousands of answers.</summary>
    public const int PageSize = 50;

    [FromRoute(Name = "themeId")] public Guid ThemeId { get; set; }
    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;
    [BindProperty] public Guid? AnswerId { get; set; }
    public Theme Theme { get; private set; } = null!;
    public IReadOnlyList<FreeTextAnswer> Candidates { get; private set; } = [];
    public ListPage Paging { get; private set; } = ListPage.Of(1, PageSize, 0);

    /// <summary>The answer quoted now, shown above the list wherever it falls in it.</summary>
    public FreeTextAnswer? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await FindThemeAsync(ct))
        {
            return NotFound();
        }
        await ReadCandidatesAsync(ct);
        AnswerId = Current?.AnswerId;
        return Page();
    }

    /// <summary>Needs only the chosen answer; the candidates are read again only to show the page with an error.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await FindThemeAsync(ct))
        {
            return NotFound();
        }
        if (AnswerId is null)
        {
            ModelState.AddModelError(nameof(AnswerId), "Select the answer to quote");
            return await ReadCandidatesAsync(ct);
        }
        if (await answers.FindCodedUnderAsync(ProgrammeId, ThemeId, AnswerId.Value, ct) is not { } chosen)
        {
            return NotFound();
        }
        if (!chosen.MayQuote)
        {
            ModelState.AddModelError(nameof(AnswerId), $"{chosen.ParticipantCode} did not agree to be quoted; select an answer from someone who did");
            return await ReadCandidatesAsync(ct);
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

    /// <summary>The theme, when it is one of this programme's.</summary>
    private async Task<bool> FindThemeAsync(CancellationToken ct)
    {
        Theme = (await db.Themes.SingleOrDefaultAsync(t => t.Id == ThemeId && t.ProgrammeId == ProgrammeId, ct))!;
        return Theme is not null;
    }

    /// <summary>The page of candidates asked for and the quote in force, for showing the page.</summary>
    private async Task<Microsoft.AspNetCore.Mvc.RazorPages.PageResult> ReadCandidatesAsync(CancellationToken ct)
    {
        (Paging, Candidates) = await answers.CodedUnderAsync(ProgrammeId, ThemeId, PageNumber, PageSize, ct);
        var quoted = await db.RepresentativeQuotes.Where(q => q.ThemeId == ThemeId).Select(q => (Guid?)q.AnswerId).SingleOrDefaultAsync(ct);
        Current = quoted is { } id ? await answers.FindCodedUnderAsync(ProgrammeId, ThemeId, id, ct) : null;
        return Page();
    }
}
