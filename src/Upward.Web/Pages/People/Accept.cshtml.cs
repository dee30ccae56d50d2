using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Core.People;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Identity;

namespace Upward.Web.Pages.People;

/// <summary>
/// Where an invitation link lands: accept while signed in as the invited address, sign in first,
/// or create an account (patients and carers have no staff account).
/// </summary>
public sealed class AcceptModel(
    ProgrammeInvitations invitations, UpwardDbContext db, UserManager<UpwardUser> users,
    SignInManager<UpwardUser> signIn, TimeProvider clock) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";
    [BindProperty] public AccountInput Input { get; set; } = new();

    public Invitation? Invitation { get; private set; }
    public string ProgrammeName { get; private set; } = "";
    public string Problem { get; private set; } = "";
    public bool SignedIn { get; private set; }
    public bool SignedInAsSomeoneElse { get; private set; }
    public bool HasAccount { get; private set; }

    /// <summary>The organisation whose programme this is: an invitation names it.</summary>
    public string OrganisationName { get; private set; } = "";

    /// <summary>Signed in as the invited address, but that account belongs to another organisation: refused, never half-enrolled.</summary>
    public bool OtherOrganisation { get; private set; }

    public sealed class AccountInput
    {
        [Required(ErrorMessage = "Enter your full name")]
        [StringLength(200, ErrorMessage = "Your name must be 200 characters or fewer")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Create a password")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Confirm your password")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
        public string? ConfirmPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFoundPage();
        }
        Input.DisplayName = Invitation!.Name;
        if (OtherOrganisation)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFoundPage();
        }
        if (!SignedIn || SignedInAsSomeoneElse)
        {
            return Page();
        }
        if (OtherOrganisation)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        var enrolment = await invitations.AcceptAsync(Invitation!, User.UserId(), ct);
        return RedirectToPage("/People/Consent", new { programmeId = enrolment.ProgrammeId });
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFoundPage();
        }
        if (SignedIn || HasAccount)
        {
            return Page();
        }
        // Every mistake at once: the password's rules are checked with the rest of the form.
        await PasswordRules.CheckAsync(users, new UpwardUser { Email = Invitation!.Email, DisplayName = "" }, Input.Password, ModelState, "Input.Password");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var organisationId = await db.Programmes.Where(p => p.Id == Invitation!.ProgrammeId).Select(p => p.OrganisationId).SingleAsync(ct);
        var user = new UpwardUser
        {
            UserName = Invitation!.Email,
            Email = Invitation.Email,
            // Opening the personal link proves the address.
            EmailConfirmed = true,
            DisplayName = Input.DisplayName!.Trim(),
            OrganisationId = organisationId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, Input.Password!);
        if (!created.Succeeded)
        {
            IdentityMessages.AddTo(ModelState, created, "Input.Password", "Input.DisplayName");
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        var enrolment = await invitations.AcceptAsync(Invitation, user.Id, ct);
        return RedirectToPage("/People/Consent", new { programmeId = enrolment.ProgrammeId });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var invitation = await invitations.FindAsync(Token, ct);
        if (invitation is null)
        {
            Problem = "The link may be incomplete: check you copied all of it from the email.";
            return false;
        }
        if (invitation.AcceptedAtUtc is not null)
        {
            Problem = "This invitation has already been accepted. Sign in to take part.";
            return false;
        }
        if (!invitation.IsOpen(clock.GetUtcNow().UtcDateTime))
        {
            Problem = "This invitation has expired.";
            return false;
        }
        Invitation = invitation;
        var programme = await db.Programmes.Where(p => p.Id == invitation.ProgrammeId)
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { p.Name, p.OrganisationId, Organisation = o.Name })
            .SingleAsync(ct);
        ProgrammeName = programme.Name;
        OrganisationName = programme.Organisation;
        SignedIn = User.Identity?.IsAuthenticated == true;
        if (SignedIn)
        {
            var me = await users.GetUserAsync(User);
            SignedInAsSomeoneElse = me is null || !string.Equals(EmailAddress.Normalise(me.Email ?? ""), invitation.Email, StringComparison.Ordinal);
            // Every page of a programme is closed to another organisation's accounts, so accepting would
            // count the person as enrolled in a programme they could never open.
            OtherOrganisation = !SignedInAsSomeoneElse && me!.OrganisationId != programme.OrganisationId;
        }
        else
        {
            HasAccount = await users.FindByEmailAsync(invitation.Email) is not null;
        }
        return true;
    }

    private IActionResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
