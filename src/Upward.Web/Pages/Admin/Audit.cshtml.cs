using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Startup;

namespace Upward.Web.Pages.Admin;

[Authorize(Policy = Policies.OrganisationAdmin)]
public sealed class AuditModel(UpwardDbContext db) : PageModel
{
    public IReadOnlyList<Row> Entries { get; private set; } = [];

    public sealed record Row(string When, string Action, string Actor, string Subject);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisationId = User.OrganisationOf();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(
            await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.TimeZone).SingleOrDefaultAsync(ct) ?? "Europe/London");
        var entries = await db.AuditEntries
            .Where(a => a.OrganisationId == organisationId)
            .OrderByDescending(a => a.Id)
            .Take(200)
            .ToListAsync(ct);
        var actorIds = entries.Where(e => e.ActorUserId != null).Select(e => e.ActorUserId!.Value).Distinct().ToList();
        var actors = await db.Users.Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Entries = entries.Select(e => new Row(
            TimeZoneInfo.ConvertTimeFromUtc(e.AtUtc, zone).ToString("d MMM yyyy HH:mm"),
            e.Action,
            e.ActorUserId is { } id && actors.TryGetValue(id, out var name) ? name : "System",
            e.Detail is null ? e.Subject ?? "" : $"{e.Subject} ({e.Detail})")).ToList();
    }
}
