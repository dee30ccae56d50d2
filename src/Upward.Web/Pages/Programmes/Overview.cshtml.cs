using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

/// <summary>The programme's home: a task list of the method's steps for this person, and what to do next.</summary>
[Requires(ProgrammeCapability.ViewOverview)]
public sealed class OverviewModel(UpwardDbContext db, TimeProvider clock, PageLinks pages) : ProgrammePageModel
{
    public ProgrammeTaskList Tasks { get; private set; } = new([], [], null, []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Tasks = await new ProgrammeTaskListQuery(db, clock, pages).ForAsync(Programme, MyRoles, IsOrganisationAdmin, User.UserId(), ct);
        return Page();
    }
}
