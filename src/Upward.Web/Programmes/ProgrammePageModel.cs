using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Core.Programmes;

namespace Upward.Web.Programmes;

/// <summary>
/// A page about one programme. Each handler calls <see cref="EnterAsync"/> first; a non-member or
/// another organisation's member gets 404, a member without the capability 403.
/// </summary>
[Authorize]
public abstract class ProgrammePageModel(ProgrammeGate gate) : PageModel
{
    [FromRoute(Name = "programmeId")] public Guid ProgrammeId { get; set; }

    public Programme Programme { get; private set; } = null!;
    public IReadOnlyList<ProgrammeRole> MyRoles { get; private set; } = [];
    public bool IsOrganisationAdmin { get; private set; }

    protected async Task<IActionResult?> EnterAsync(ProgrammeCapability capability, CancellationToken ct)
    {
        var result = await gate.CheckAsync(User, ProgrammeId, capability, ct);
        switch (result.Outcome)
        {
            case ProgrammeGateOutcome.NotFound:
                return NotFound();
            case ProgrammeGateOutcome.Forbidden:
                return Forbid();
            default:
                Programme = result.Programme!;
                MyRoles = result.Roles;
                IsOrganisationAdmin = result.IsOrganisationAdmin;
                return null;
        }
    }

    public bool May(ProgrammeCapability capability) => ProgrammeAccess.Allows(capability, MyRoles, IsOrganisationAdmin);
}
