using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Themes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>The programme's codebook: every theme with its definition, parent and how many answers carry it; open a new theme.</summary>
[Requires(ProgrammeCapability.CodeFreeText)]
public sealed class ThemesModel(UpwardDbContext db, TimeProvider clock) : ProgrammePageModel
{
    [BindProperty] public ThemeInput Input { get; set; } = new();
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyDictionary<Guid, int> AnswerCounts { get; private set; } = new Dictionary<Guid, int>();

    public sealed class ThemeInput
    {
        public string? Name { get; set; }
        public string? Definition { get; set; }
        public Guid? ParentId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (Input.ParentId is { } parent && Themes.All(t => t.Id != parent))
        {
            return NotFound();
        }
        var theme = await db.WriteAtomicallyAsync(async ct =>
        {
            // The name is checked in the programme's turn, so one name sent twice at once opens one theme.
            await db.LockAsync<Programme>(ProgrammeId, ct);
            var name = await CodebookRules.CheckAsync(db, ProgrammeId, null, Input.Name, Input.Definition, ModelState, nameof(Input), ct);
            if (name is null)
            {
                return null;
            }
            var theme = new Theme { ProgrammeId = ProgrammeId, Name = name, Definition = Input.Definition?.Trim() ?? "", ParentId = Input.ParentId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.Themes.Add(theme);
            db.Audit(AuditAction.ThemeOpened, User.UserId(), Programme.OrganisationId, ProgrammeId, $"theme:{theme.Id}");
            await db.SaveChangesAsync(ct);
            return theme;
        }, ct);
        if (theme is null)
        {
            return Page();
        }
        return RedirectToPage("/FreeText/Themes", null, new { programmeId = ProgrammeId }, $"theme-{theme.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Themes = await ThemeList.OfAsync(db, ProgrammeId, ct);
        AnswerCounts = (await db.Codings.Where(c => c.ProgrammeId == ProgrammeId).Select(c => new { c.ThemeId, c.AnswerId }).Distinct().ToListAsync(ct))
            .GroupBy(c => c.ThemeId).ToDictionary(g => g.Key, g => g.Count());
        return null;
    }
}
