using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Startup;

namespace Upward.Web.Pages.Admin;

[Authorize(Policy = Policies.OrganisationAdmin)]
public sealed class AdminIndexModel(UpwardDbContext db, Microsoft.AspNetCore.Identity.UserManager<Upward.Data.Identity.UpwardUser> users, Account.AccountLinks accountLinks) : PageModel
{
    /// <summary>The administrator's own address is not yet proven, so password resets cannot be sent to it.</summary>
    public bool EmailUnconfirmed { get; private set; }
    public bool ConfirmationSent { get; private set; }

    public string OrganisationName { get; private set; } = "";
    public int People { get; private set; }
    public int Programmes { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var organisationId = User.OrganisationOf();
        OrganisationName = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? "";
        People = await db.Users.CountAsync(u => u.OrganisationId == organisationId, ct);
        Programmes = await db.Programmes.CountAsync(p => p.OrganisationId == organisationId, ct);
        EmailUnconfirmed = await users.GetUserAsync(User) is { EmailConfirmed: false };
    }

    public async Task<IActionResult> OnPostConfirmEmailAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is { EmailConfirmed: false } me)
        {
            await accountLinks.SendConfirmationAsync(me, ct);
        }
        await OnGetAsync(ct);
        ConfirmationSent = true;
        return Page();
    }
}
