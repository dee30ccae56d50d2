using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Notifications;
using Upward.Data;
using Upward.Web.Identity;

namespace Upward.Web.Pages.Notifications;

/// <summary>The signed-in person's notifications, newest first, a page at a time; opening the list marks what it shows as read.</summary>
[Authorize]
public sealed class IndexModel(UpwardDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Notification> Shown { get; private set; } = [];
    public bool HasOlder { get; private set; }
    public Dictionary<Guid, string> ProgrammeNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var userId = User.UserId();
        var page = await db.Notifications.Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAtUtc).ThenBy(n => n.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasOlder = page.Count > PageSize;
        Shown = page.Take(PageSize).ToList();
        var programmeIds = Shown.Where(n => n.ProgrammeId != null).Select(n => n.ProgrammeId!.Value).Distinct().ToList();
        ProgrammeNames = await db.Programmes.Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        var unread = Shown.Where(n => n.ReadAtUtc == null).Select(n => n.Id).ToList();
        if (unread.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Marked in the database only; the page still shows them as new this once.
            await db.Notifications.Where(n => n.UserId == userId && unread.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        }
        return Page();
    }
}
