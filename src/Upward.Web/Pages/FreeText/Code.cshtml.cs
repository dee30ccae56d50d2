using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Themes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>
/// Code one answer: attach themes to it or to a passage of it, open a theme while reading, and mark it
/// finished. A coder sees only their own codings here, so two coders work independently.
/// </summary>
[Requires(ProgrammeCapability.CodeFreeText)]
public sealed class CodeModel(UpwardDbContext db, FreeTextAnswers answers, TimeProvider clock) : ProgrammePageModel
{
    [FromRoute(Name = "answerId")] public Guid AnswerId { get; set; }
    [BindProperty] public ApplyInput Apply { get; set; } = new();
    [BindProperty] public ThemesModel.ThemeInput Open { get; set; } = new();
    [BindProperty] public string? OpenWords { get; set; }
    [BindProperty] public Guid CodingId { get; set; }

    public FreeTextAnswer Answer { get; private set; } = null!;
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<Coding> Mine { get; private set; } = [];
    public bool Finished { get; private set; }
    public Guid? NextAnswerId { get; private set; }
    private Guid coder;

    public sealed class ApplyInput
    {
        public Guid? ThemeId { get; set; }
        public string? Words { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>Attach an existing theme to the answer or to the words given.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (Apply.ThemeId is null)
        {
            ModelState.AddModelError("Apply.ThemeId", "Select a theme");
            return Page();
        }
        if (Themes.All(t => t.Id != Apply.ThemeId))
        {
            return NotFound();
        }
        return await CodeAsync(Apply.ThemeId.Value, Apply.Words, "Apply.Words", ct) ?? Done();
    }

    /// <summary>Open a new theme while reading (inductive coding) and attach it at once.</summary>
    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var passage = PassageOf(OpenWords, nameof(OpenWords));
        var opened = await db.WriteAtomicallyAsync(async ct =>
        {
            // The name is checked in the programme's turn, so one name sent twice at once opens one theme.
            await db.LockAsync<Programme>(ProgrammeId, ct);
            var name = await CodebookRules.CheckAsync(db, ProgrammeId, null, Open.Name, Open.Definition, ModelState, nameof(Open), ct);
            if (name is null || !ModelState.IsValid)
            {
                return false;
            }
            var theme = new Theme { ProgrammeId = ProgrammeId, Name = name, Definition = Open.Definition?.Trim() ?? "", CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.Themes.Add(theme);
            db.Audit(AuditAction.ThemeOpened, User.UserId(), Programme.OrganisationId, ProgrammeId, $"theme:{theme.Id}");
            db.Codings.Add(NewCoding(theme.Id, passage));
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        return opened ? Done() : Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (Mine.SingleOrDefault(c => c.Id == CodingId) is not { } coding)
        {
            return NotFound();
        }
        // One statement: the same removal sent twice at once removes it once, and the second finds nothing left.
        await db.Codings.Where(c => c.Id == coding.Id).ExecuteDeleteAsync(ct);
        return Done();
    }

    /// <summary>Mark the answer finished (or not): only then do the themes left off count as "no" in kappa.</summary>
    public async Task<IActionResult> OnPostFinishAsync(bool finished, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        // Each a single statement, so the button pressed twice at once marks (or unmarks) the answer once.
        if (finished)
        {
            var mark = new CodingFinished { ProgrammeId = ProgrammeId, AnswerId = AnswerId, CoderEnrolmentId = coder, FinishedAtUtc = clock.GetUtcNow().UtcDateTime };
            await db.UpsertAsync([mark], f => new { f.AnswerId, f.CoderEnrolmentId }, update: null, ct);
        }
        else
        {
            await db.CodingsFinished.Where(f => f.AnswerId == AnswerId && f.CoderEnrolmentId == coder).ExecuteDeleteAsync(ct);
        }
        if (!finished)
        {
            return Done();
        }
        // The next answer is worked out from the list as it stands now, so a reopened answer just finished is not offered again.
        return NextAnswerId is { } next
            ? RedirectToPage("/FreeText/Code", new { programmeId = ProgrammeId, answerId = next })
            : RedirectToPage("/FreeText/Index", new { programmeId = ProgrammeId, allFinished = "true" });
    }

    private async Task<IActionResult?> CodeAsync(Guid themeId, string? words, string key, CancellationToken ct)
    {
        var passage = PassageOf(words, key);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var added = await db.WriteAtomicallyAsync(async ct =>
        {
            // Asked in the database in this request's turn, so the same theme sent twice at once is applied once.
            await db.LockAsync<Upward.Core.Questionnaires.Answer>(AnswerId, ct);
            var (start, length) = (passage?.Start, passage?.Length);
            if (await db.Codings.AnyAsync(c => c.AnswerId == AnswerId && c.CoderEnrolmentId == coder && c.ThemeId == themeId
                && c.PassageStart == start && c.PassageLength == length, ct))
            {
                return false;
            }
            db.Codings.Add(NewCoding(themeId, passage));
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        if (!added)
        {
            ModelState.AddModelError(key, "You have already applied this theme to these words");
            return Page();
        }
        return null;
    }

    private (int Start, int Length)? PassageOf(string? words, string key)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return null;
        }
        var found = Passage.Find(Answer.Text, words);
        if (found is null)
        {
            ModelState.AddModelError(key, "Enter words that appear in the answer, or leave this blank to code the whole answer");
        }
        return found;
    }

    private Coding NewCoding(Guid themeId, (int Start, int Length)? passage) => new()
    {
        ProgrammeId = ProgrammeId, AnswerId = AnswerId, ThemeId = themeId, CoderEnrolmentId = coder,
        PassageStart = passage?.Start, PassageLength = passage?.Length, CodedAtUtc = clock.GetUtcNow().UtcDateTime,
    };

    private RedirectToPageResult Done() => RedirectToPage("/FreeText/Code", new { programmeId = ProgrammeId, answerId = AnswerId });

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await answers.FindAsync(ProgrammeId, AnswerId, withOriginals: false, ct) is not { } answer)
        {
            return NotFound();
        }
        Answer = answer;
        coder = await answers.EnrolmentOfAsync(ProgrammeId, User.UserId(), [ProgrammeRole.Researcher], ct);
        Themes = await ThemeList.OfAsync(db, ProgrammeId, ct);
        Mine = await db.Codings.Where(c => c.AnswerId == AnswerId && c.CoderEnrolmentId == coder).OrderBy(c => c.CodedAtUtc).ToListAsync(ct);
        Finished = await db.CodingsFinished.AnyAsync(f => f.AnswerId == AnswerId && f.CoderEnrolmentId == coder, ct);
        NextAnswerId = await answers.NextUnfinishedAsync(ProgrammeId, answer, coder, ct);
        return null;
    }
}
