using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Startup;

namespace Upward.Web.Pages.Programmes;

/// <summary>An organisation administrator starts a draft programme from a template and coordinates it.</summary>
[Authorize(Policy = Policies.OrganisationAdmin)]
public sealed class NewModel(UpwardDbContext db) : PageModel
{
    [BindProperty] public NewProgrammeInput Input { get; set; } = new();

    public sealed class NewProgrammeInput
    {
        [Required(ErrorMessage = "Enter a name for the programme")]
        [StringLength(200, ErrorMessage = "Programme name must be 200 characters or fewer")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Select the kind of programme")]
        [EnumDataType(typeof(ProgrammeType), ErrorMessage = "Select the kind of programme")]
        public ProgrammeType? Type { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var organisationId = User.OrganisationOf()!.Value;
        var userId = User.UserId();
        var programme = Programme.FromTemplate(ProgrammeTemplate.For(Input.Type!.Value), organisationId, Input.Name!.Trim());
        programme.Enrolments.Add(new Enrolment
        {
            ProgrammeId = programme.Id,
            UserId = userId,
            Role = ProgrammeRole.Coordinator,
            Status = EnrolmentStatus.Consented,
            ParticipantCode = ParticipantCode.For(ProgrammeRole.Coordinator, 1),
        });
        db.Programmes.Add(programme);
        db.Audit(AuditAction.ProgrammeCreated, userId, organisationId, programme.Id, $"programme:{programme.Id}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Programmes/Overview", new { programmeId = programme.Id });
    }
}
