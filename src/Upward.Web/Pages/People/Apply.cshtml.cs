using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.People;

/// <summary>
/// The open-recruitment form: anyone with the link may express interest until the closing date.
/// It reveals only the programme's name, and only while applications are open.
/// </summary>
public sealed class ApplyModel(UpwardDbContext db, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid ProgrammeId { get; set; }
    [BindProperty] public ApplicationInput Input { get; set; } = new();

    public bool Open { get; private set; }
    public bool Submitted { get; private set; }
    public string ProgrammeName { get; private set; } = "";
    public string ClosesOn { get; private set; } = "";

    public static readonly IReadOnlyList<RadioOption> RoleOptions =
    [
        new(nameof(ProgrammeRole.Mentor), "As a mentor", "Share your experience and perspective with a senior clinician or leader"),
        new(nameof(ProgrammeRole.Mentee), "As a mentee", "Hear how others experience your work"),
    ];

    public sealed class ApplicationInput
    {
        [Required(ErrorMessage = "Enter your full name")]
        [StringLength(200, ErrorMessage = "Your name must be 200 characters or fewer")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Enter your email address")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Select how you would like to take part")]
        public ProgrammeRole? Role { get; set; }

        [Required(ErrorMessage = "Enter why you would like to take part")]
        [StringLength(Application.StatementMaxLength, ErrorMessage = "Your answer must be 2,000 characters or fewer")]
        public string? Statement { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(bool sent, CancellationToken ct)
    {
        Submitted = sent;
        await LoadAsync(ct);
        return Open || Submitted ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var programme = await LoadAsync(ct);
        if (!Open || programme is null)
        {
            return NotFoundPage();
        }
        if (!string.IsNullOrWhiteSpace(Input.Email) && !EmailAddress.IsValid(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Enter an email address in the correct format, like name@example.com");
        }
        if (Input.Role is not null and not (ProgrammeRole.Mentor or ProgrammeRole.Mentee))
        {
            ModelState.AddModelError("Input.Role", "Select how you would like to take part");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var application = new Application
        {
            ProgrammeId = programme.Id,
            Name = Input.Name!.Trim(),
            Email = EmailAddress.Normalise(Input.Email!),
            Role = Input.Role!.Value,
            Statement = Input.Statement!.Trim(),
            SubmittedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Applications.Add(application);
        db.Audit(AuditAction.ApplicationSubmitted, actorUserId: null, programme.OrganisationId, programme.Id, $"application:{application.Id}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/People/Apply", new { programmeId = programme.Id, sent = "true" });
    }

    private async Task<Programme?> LoadAsync(CancellationToken ct)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == ProgrammeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Open = programme is { ApplicationsCloseAtUtc: { } closes } && closes > now && programme.Status is ProgrammeStatus.Recruiting or ProgrammeStatus.Draft or ProgrammeStatus.Running;
        if (programme is not null && Open)
        {
            ProgrammeName = programme.Name;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(programme.TimeZone);
            ClosesOn = TimeZoneInfo.ConvertTimeFromUtc(programme.ApplicationsCloseAtUtc!.Value, zone).ToString("d MMMM yyyy 'at' h:mmtt").Replace("AM", "am").Replace("PM", "pm");
        }
        return programme;
    }

    private IActionResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
