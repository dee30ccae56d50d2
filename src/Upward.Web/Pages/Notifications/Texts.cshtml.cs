using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Notifications;

/// <summary>The wording of the programme's notifications: Upward's standard wording, or the programme's own where the coordinator changed it.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class TextsModel(UpwardDbContext db) : ProgrammePageModel
{
    public HashSet<NotificationKind> Changed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Changed = (await db.NotificationTexts.Where(t => t.ProgrammeId == ProgrammeId).Select(t => t.Kind).ToListAsync(ct)).ToHashSet();
        return Page();
    }
}
