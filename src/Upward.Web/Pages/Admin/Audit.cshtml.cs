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

    /// <summary>One entry: when, what happened as a sentence, the settings it changed (if any), and the ids an auditor can trace.</summary>
    public sealed record Row(string When, string Sentence, string? Detail, string? Reference);

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
        var subjects = await AuditSubjects.LoadAsync(db, organisationId, entries, ct);
        Entries = entries.Select(e => new Row(
            TimeZoneInfo.ConvertTimeFromUtc(e.AtUtc, zone).ToString("d MMM yyyy HH:mm"),
            subjects.SentenceFor(e),
            e.Detail,
            e.Subject)).ToList();
    }
}
