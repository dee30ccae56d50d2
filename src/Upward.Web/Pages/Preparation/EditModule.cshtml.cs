using Microsoft.AspNetCore.Mvc;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Preparation;

/// <summary>
/// The coordinator edits a module's Markdown, self-check included. Each save is a new version
/// (audited); mentors who finished an earlier version stay finished.
/// </summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class EditModuleModel(UpwardDbContext db, PreparationQueries queries, TimeProvider clock) : ProgrammePageModel
{
    [FromRoute] public string Key { get; set; } = "";
    [BindProperty] public string? Markdown { get; set; }
    [FromQuery] public bool Saved { get; set; }

    public PreparationQueries.Module Module { get; private set; } = null!;
    public string Preview { get; private set; } = "";

    public IActionResult OnGet()
    {
        Markdown = Module.Row.Markdown;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (text, problem) = ModuleText.Parse(Markdown);
        if (text is null)
        {
            ModelState.AddModelError(nameof(Markdown), problem!);
            return Page();
        }
        var markdown = Markdown!.Replace("\r\n", "\n").Trim() + "\n";
        if (markdown == Module.Row.Markdown) return RedirectToPage("/Preparation/EditModule", new { programmeId = ProgrammeId, key = Key, saved = "true" });
        var version = new PreparationModule
        {
            ProgrammeId = ProgrammeId, Key = Key, Position = Module.Row.Position, Audience = Module.Row.Audience, Version = Module.Row.Version + 1,
            Markdown = markdown, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedByUserId = User.UserId(),
        };
        db.PreparationModules.Add(version);
        db.Audit(AuditAction.ModuleChanged, User.UserId(), Programme.OrganisationId, ProgrammeId, $"module:{Key}:{version.Version}", $"Title: {text.Title}");
        // Two coordinators saving at once aim at the same version: the unique key lets one win and the other gets the 409 page.
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Preparation/EditModule", new { programmeId = ProgrammeId, key = Key, saved = "true" });
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var module = (await queries.ModulesAsync(Programme, ct)).SingleOrDefault(m => m.Key == Key);
        if (module is null) return NotFound();
        Module = module;
        Preview = ModuleHtml.Render(module.Text.Body);
        return null;
    }
}
