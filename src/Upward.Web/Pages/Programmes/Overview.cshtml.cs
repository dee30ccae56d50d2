using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

public sealed class OverviewModel(ProgrammeGate gate) : ProgrammePageModel(gate)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await EnterAsync(ProgrammeCapability.ViewOverview, ct) ?? Page();
}
