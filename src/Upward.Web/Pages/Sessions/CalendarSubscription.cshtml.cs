using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// A person's calendar subscription: a secret address for their calendar app, shown once when made,
/// replaced or revoked here. Each change is audited (never the address itself).
/// </summary>
[Authorize]
public sealed class CalendarSubscriptionModel(UpwardDbContext db, PublicLinks links, TimeProvider clock, Upward.Web.Programmes.PageLinks pages) : PageModel
{
    public CalendarFeed? Active { get; private set; }

    /// <summary>The address, only in the response that made it: Upward keeps only its hash.</summary>
    public string? NewAddress { get; private set; }
    public bool Revoked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        await RevokeAllAsync(userId, now, ct);
        var (token, hash) = CalendarFeed.NewToken();
        db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, TokenHash = hash, CreatedAtUtc = now });
        db.Audit(AuditAction.CalendarFeedCreated, userId, subject: $"user:{userId}");
        await db.SaveChangesAsync(ct);
        NewAddress = links.To(pages.Page("/Sessions/CalendarFeedFile", new { token }));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        if (await RevokeAllAsync(userId, clock.GetUtcNow().UtcDateTime, ct))
        {
            db.Audit(AuditAction.CalendarFeedRevoked, userId, subject: $"user:{userId}");
            await db.SaveChangesAsync(ct);
        }
        Revoked = true;
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> RevokeAllAsync(Guid userId, DateTime now, CancellationToken ct)
    {
        var active = await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAtUtc == null).ToListAsync(ct);
        foreach (var feed in active) feed.RevokedAtUtc = now;
        return active.Count > 0;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        Active = await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAtUtc == null).OrderByDescending(f => f.CreatedAtUtc).FirstOrDefaultAsync(ct);
    }
}
