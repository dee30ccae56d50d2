using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Data;
using Upward.Web.Identity;

namespace Upward.Web.Pages;

public sealed class IndexModel(UpwardDbContext db) : PageModel
{
    public bool SignedIn { get; private set; }
    public IReadOnlyList<ProgrammeCard> Programmes { get; private set; } = [];

    public sealed record ProgrammeCard(Guid Id, string Name, string Status, IReadOnlyList<string> Roles);

    public async Task OnGetAsync(CancellationToken ct)
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        if (!SignedIn)
        {
            return;
        }
        var userId = User.UserId();
        var rows = await db.Enrolments
            .Where(e => e.UserId == userId)
            .Join(db.Programmes, e => e.ProgrammeId, p => p.Id, (e, p) => new { p.Id, p.Name, p.Status, e.Role })
            .ToListAsync(ct);
        Programmes = rows.GroupBy(r => new { r.Id, r.Name, r.Status })
            .Select(g => new ProgrammeCard(g.Key.Id, g.Key.Name, g.Key.Status.ToString().ToLowerInvariant(),
                g.Select(r => r.Role.ToString().ToLowerInvariant()).OrderBy(r => r).ToList()))
            .OrderBy(c => c.Name)
            .ToList();
    }
}
