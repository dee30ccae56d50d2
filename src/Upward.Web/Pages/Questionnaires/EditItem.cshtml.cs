using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>Reword one question of the current version; after the first answer this makes a new version.</summary>
[Requires(ProgrammeCapability.ManageQuestionnaires)]
public sealed class EditItemModel(UpwardDbContext db) : ProgrammePageModel
{
    [FromRoute(Name = "instrumentId")] public Guid InstrumentId { get; set; }
    [FromRoute(Name = "itemKey")] public string ItemKey { get; set; } = "";
    [BindProperty] public WordingInput Input { get; set; } = new();
    public Instrument Instrument { get; private set; } = null!;
    public bool HasAnswers { get; private set; }

    public sealed class WordingInput
    {
        [Required(ErrorMessage = "Enter the question")]
        [StringLength(500, ErrorMessage = "The question must be 500 characters or fewer")]
        public string? Text { get; set; }

        [StringLength(500, ErrorMessage = "The hint must be 500 characters or fewer")]
        public string? Hint { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var item = Instrument.Items.Single(i => i.Key == ItemKey);
        Input = new WordingInput { Text = item.Text, Hint = item.Hint };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var saved = await InstrumentVersions.RewordAsync(db, Instrument, ItemKey, Input.Text!.Trim(), string.IsNullOrWhiteSpace(Input.Hint) ? null : Input.Hint.Trim(), ct);
        db.Audit(AuditAction.QuestionnaireReworded, User.UserId(), Programme.OrganisationId, Programme.Id, $"{saved.Key} v{saved.Version} {ItemKey}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Questionnaires/Instrument", new { programmeId = ProgrammeId, instrumentId = saved.Id });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var instrument = await db.Instruments.Include(i => i.Items.OrderBy(x => x.Position))
            .SingleOrDefaultAsync(i => i.Id == InstrumentId && i.ProgrammeId == ProgrammeId, ct);
        if (instrument is null || instrument.Items.All(i => i.Key != ItemKey))
        {
            return NotFound();
        }
        // Only the newest version is reworded; an older one is history that answers point at.
        var newest = await db.Instruments.Where(i => i.ProgrammeId == ProgrammeId && i.Key == instrument.Key).MaxAsync(i => i.Version, ct);
        if (instrument.Version != newest)
        {
            return NotFound();
        }
        Instrument = instrument;
        HasAnswers = await InstrumentVersions.HasAnswersAsync(db, instrument.Id, ct);
        return null;
    }
}
