using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Themes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>One theme: rename it, redefine it, move it under another, or merge it into another (its codings follow).</summary>
[Requires(ProgrammeCapability.CodeFreeText)]
public sealed class ThemeModel(UpwardDbContext db, TimeProvider clock) : ProgrammePageModel
{
    [FromRoute(Name = "themeId")] public Guid ThemeId { get; set; }
    [BindProperty] public ThemesModel.ThemeInput Input { get; set; } = new();
    [BindProperty] public Guid? MergeInto { get; set; }
    public Theme Theme { get; private set; } = null!;
    public IReadOnlyList<Theme> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        Input = new ThemesModel.ThemeInput { Name = Theme.Name, Definition = Theme.Definition, ParentId = Theme.ParentId };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (Input.ParentId is { } parent && Others.All(t => t.Id != parent))
        {
            return NotFound();
        }
        var name = await CodebookRules.CheckAsync(db, ProgrammeId, ThemeId, Input.Name, Input.Definition, ModelState, nameof(Input), ct);
        if (Input.ParentId is { } p && CodebookRules.MakesLoop(ThemeId, p, [Theme, .. Others]))
        {
            ModelState.AddModelError("Input.ParentId", "A theme cannot sit under one of its own sub-themes");
        }
        if (name is null || !ModelState.IsValid)
        {
            return Page();
        }
        var definition = Input.Definition?.Trim() ?? "";
        // What changed, not the words: a name or definition may quote an answer, and the audit log outlives erasure.
        string[] changes =
        [
            .. name != Theme.Name ? ["renamed"] : Array.Empty<string>(),
            .. definition != Theme.Definition ? ["redefined"] : Array.Empty<string>(),
            .. Input.ParentId != Theme.ParentId ? [Input.ParentId is { } under ? $"moved under {under}" : "moved to the top level"] : Array.Empty<string>(),
        ];
        Theme.Name = name;
        Theme.Definition = definition;
        Theme.ParentId = Input.ParentId;
        if (changes.Length > 0)
        {
            db.Audit(AuditAction.ThemeChanged, User.UserId(), Programme.OrganisationId, Programme.Id, $"{Theme.Id} {string.Join(", ", changes)}");
        }
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/FreeText/Themes", null, new { programmeId = ProgrammeId }, $"theme-{ThemeId}");
    }

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (MergeInto is null)
        {
            Input = new ThemesModel.ThemeInput { Name = Theme.Name, Definition = Theme.Definition, ParentId = Theme.ParentId };
            ModelState.AddModelError(nameof(MergeInto), "Select the theme to merge into");
            return Page();
        }
        var into = Others.SingleOrDefault(t => t.Id == MergeInto);
        if (into is null)
        {
            return NotFound();
        }
        var codings = await db.Codings.Where(c => c.ThemeId == Theme.Id || c.ThemeId == into.Id).ToListAsync(ct);
        var redundant = Codebook.Merge(Theme, into, [Theme, .. Others], codings);
        db.Codings.RemoveRange(redundant);
        // The survivor keeps its own quote; it inherits the merged theme's only if it had none.
        var quotes = await db.RepresentativeQuotes.Where(q => q.ThemeId == Theme.Id || q.ThemeId == into.Id).ToListAsync(ct);
        if (quotes.SingleOrDefault(q => q.ThemeId == Theme.Id) is { } moving)
        {
            db.RepresentativeQuotes.Remove(moving);
            if (quotes.All(q => q.ThemeId != into.Id))
            {
                db.RepresentativeQuotes.Add(new RepresentativeQuote { ThemeId = into.Id, ProgrammeId = ProgrammeId, AnswerId = moving.AnswerId, ChosenAtUtc = clock.GetUtcNow().UtcDateTime });
            }
        }
        // Codings and children point at the survivor before the merged theme goes.
        await db.SaveChangesAsync(ct);
        db.Themes.Remove(Theme);
        db.Audit(AuditAction.ThemesMerged, User.UserId(), Programme.OrganisationId, Programme.Id, $"{Theme.Id} into {into.Id}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/FreeText/Themes", null, new { programmeId = ProgrammeId }, $"theme-{into.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var themes = await ThemeList.OfAsync(db, ProgrammeId, ct);
        if (themes.SingleOrDefault(t => t.Id == ThemeId) is not { } theme)
        {
            return NotFound();
        }
        Theme = theme;
        Others = themes.Where(t => t.Id != ThemeId).ToList();
        return null;
    }
}
