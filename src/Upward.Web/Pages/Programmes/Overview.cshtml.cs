using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

[Requires(ProgrammeCapability.ViewOverview)]
public sealed class OverviewModel : ProgrammePageModel
{
    public IActionResult OnGet() => Page();
}
