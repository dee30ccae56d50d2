using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Notifications;
using Upward.Data;
using Upward.Web.Identity;

namespace Upward.Web.Pages.Notifications;

/// <summary>Which kinds of email a person gets. Essential ones are listed with the reason they cannot be turned off.</summary>
[Authorize]
public sealed class PreferencesModel(UpwardDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>The kinds ticked to keep getting by email.</summary>
    [BindProperty] public List<NotificationKind> Email { get; set; } = [];

    public HashSet<NotificationKind> Off { get; private set; } = [];
    public bool Saved { get; private set; }

    public static IEnumerable<NotificationKind> Optional => NotificationKinds.All.Where(k => !NotificationKinds.IsEssential(k));
    public static IEnumerable<NotificationKind> Essential => NotificationKinds.All.Where(NotificationKinds.IsEssential);

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        var userId = User.UserId();
        Off = (await db.NotificationPreferences.Where(p => p.UserId == userId).Select(p => p.Kind).ToListAsync(ct)).ToHashSet();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var keep = Email.Where(Enum.IsDefined).ToHashSet();
        var off = Optional.Where(k => !keep.Contains(k)).ToHashSet();
        await PreferenceChanges.SetAsync(db, userId, off, clock.GetUtcNow().UtcDateTime, "preferences page", ct);
        return RedirectToPage("/Notifications/Preferences", new { saved = "true" });
    }
}
