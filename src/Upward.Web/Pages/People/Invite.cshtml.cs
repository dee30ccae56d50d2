using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.People;

/// <summary>The coordinator invites one person by email.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class InviteModel(ProgrammeInvitations invitations) : ProgrammePageModel
{
    [BindProperty] public InviteInput Input { get; set; } = new();

    public static readonly IReadOnlyList<RadioOption> RoleOptions =
    [
        new(nameof(ProgrammeRole.Mentor), "Mentor", "Gives feedback and holds the one-to-one: a junior colleague, patient or staff-network member"),
        new(nameof(ProgrammeRole.Mentee), "Mentee", "Receives feedback: a senior clinician or leader"),
        new(nameof(ProgrammeRole.Facilitator), "Facilitator", "Runs the group feedback session and writes the feedback briefs"),
        new(nameof(ProgrammeRole.Researcher), "Researcher", "Reads de-identified answers and reports"),
        new(nameof(ProgrammeRole.Coordinator), "Coordinator", "Runs the programme with you"),
        new(nameof(ProgrammeRole.ConcernsLead), "Named lead for concerns", "Reads and answers the concerns sent to them, for example your Freedom to Speak Up guardian; sees nothing else of the programme"),
    ];

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter their full name")]
        [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Enter their email address")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Select their role in this programme")]
        public ProgrammeRole? Role { get; set; }
    }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Input.Email) && !EmailAddress.IsValid(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter an email address in the correct format, like name@example.nhs.uk");
        }
        if (ModelState.IsValid && (await invitations.AlreadyInvitedAsync(Programme.Id, ct)).Contains((EmailAddress.Normalise(Input.Email!), Input.Role!.Value)))
        {
            ModelState.AddModelError("Input.Email", $"{Input.Email!.Trim()} is already invited to this programme in that role");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await invitations.InviteAsync(Programme, [new ProgrammeInvitations.Invitee(Input.Email!, Input.Name!, Input.Role!.Value, new DemographicBands())], User.UserId(), ct);
        return RedirectToPage("/People/Index", new { programmeId = Programme.Id, invited = "1" });
    }
}
