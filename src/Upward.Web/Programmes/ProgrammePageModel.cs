using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Core.Programmes;

namespace Upward.Web.Programmes;

/// <summary>
/// A page about one programme. It declares the capability it needs with <see cref="RequiresAttribute"/>;
/// <see cref="ProgrammeEntryFilter"/> checks it before any handler runs and loads the programme and the
/// signed-in person's roles in it, so a handler never checks access itself.
/// </summary>
[Authorize]
public abstract class ProgrammePageModel : PageModel
{
    [FromRoute(Name = "programmeId")] public Guid ProgrammeId { get; set; }

    public Programme Programme { get; private set; } = null!;
    public IReadOnlyList<ProgrammeRole> MyRoles { get; private set; } = [];
    public bool IsOrganisationAdmin { get; private set; }

    internal void Admit(ProgrammeGateResult result)
    {
        Programme = result.Programme!;
        MyRoles = result.Roles;
        IsOrganisationAdmin = result.IsOrganisationAdmin;
    }

    /// <summary>
    /// Runs once the gate has let the person in and before the handler: loads what every handler of a
    /// group of pages needs (the person's own enrolments, questionnaire, the mentee named in the route).
    /// A result refuses the request with it.
    /// </summary>
    protected internal virtual Task<IActionResult?> OnEnteredAsync(CancellationToken ct) => Task.FromResult<IActionResult?>(null);

    public bool May(ProgrammeCapability capability) => ProgrammeAccess.Allows(capability, MyRoles, IsOrganisationAdmin);
}
