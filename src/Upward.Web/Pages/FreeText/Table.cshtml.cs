using System.Text;
using Microsoft.AspNetCore.Mvc;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>Table 1: themes by stage with counts of participants and a representative quote each; also as CSV.</summary>
[Requires(ProgrammeCapability.CodeFreeText)]
public sealed class TableModel(UpwardDbContext db, ThemesTable themesTable) : ProgrammePageModel
{
    public ThemesTable.Table Table { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Table = await themesTable.BuildAsync(ProgrammeId, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var csv = ThemesTable.Csv(await themesTable.BuildAsync(ProgrammeId, ct));
        db.Audit(AuditAction.Exported, User.UserId(), Programme.OrganisationId, Programme.Id, "themes-by-stage.csv");
        await db.SaveChangesAsync(ct);
        // A byte-order mark so spreadsheet programs read the UTF-8 (curly quotes, accents) correctly.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "themes-by-stage.csv");
    }
}
