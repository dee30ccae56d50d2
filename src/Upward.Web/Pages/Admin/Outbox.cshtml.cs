using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Core.Auditing;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Startup;

namespace Upward.Web.Pages.Admin;

/// <summary>
/// The organisation's email kept in the pickup folder when no SMTP server is configured, for an
/// administrator to pass on by hand. The messages hold single-use links, so every look is audited.
/// </summary>
[Authorize(Policy = Policies.OrganisationAdmin)]
public sealed class OutboxModel(Outbox outbox, UpwardDbContext db, IOptions<EmailOptions> options) : PageModel
{
    public bool UsesSmtp => options.Value.UsesSmtp;
    public IReadOnlyList<(Outbox.Summary Message, string Sent)> Messages { get; private set; } = [];
    public Outbox.Message? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? message, CancellationToken ct)
    {
        if (User.OrganisationOf() is not { } organisationId) return NotFound();
        var userId = User.UserId();
        if (message is not null)
        {
            Open = await outbox.OpenAsync(organisationId, message, ct);
            if (Open is null) return NotFound();
            db.Audit(AuditAction.OutboxMessageOpened, userId, organisationId, subject: $"email:{Open.File}");
            await db.SaveChangesAsync(ct);
            return Page();
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(
            await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.TimeZone).SingleOrDefaultAsync(ct) ?? "Europe/London");
        Messages = (await outbox.ListAsync(organisationId, ct))
            .Select(m => (m, TimeZoneInfo.ConvertTime(m.Sent, zone).ToString("d MMM yyyy HH:mm")))
            .ToList();
        db.Audit(AuditAction.OutboxViewed, userId, organisationId);
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
