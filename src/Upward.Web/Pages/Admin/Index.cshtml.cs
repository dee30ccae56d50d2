using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Startup;

namespace Upward.Web.Pages.Admin;

[Authorize(Policy = Policies.OrganisationAdmin)]
public sealed class AdminIndexModel(UpwardDbContext db) : PageModel
{
    public string OrganisationName { get; private set; } = "";
    public int People { get; private set; }
    public int Programmes { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisationId = User.OrganisationOf();
        OrganisationName = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "";
        People = await db.Users.CountAsync(u => u.OrganisationId == organisationId, ct);
        Programmes = await db.Programmes.CountAsync(p => p.OrganisationId == organisationId, ct);
    }
}
