using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Core.Auditing;
using Upward.Core.Organisations;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Identity;

namespace Upward.Web.Pages.Setup;

public sealed class SetupModel(
    SetupLinks links, UpwardDbContext db, UserManager<UpwardUser> users,
    RoleManager<IdentityRole<Guid>> roles, SignInManager<UpwardUser> signIn, TimeProvider clock,
    Account.AccountLinks accountLinks) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public SetupInput Input { get; set; } = new();
    public bool LinkValid { get; private set; }

    public sealed class SetupInput
    {
        [Required(ErrorMessage = "Enter the name of your organisation")]
        [StringLength(200, ErrorMessage = "Organisation name must be 200 characters or fewer")]
        public string? OrganisationName { get; set; }

        [Required(ErrorMessage = "Enter your full name")]
        [StringLength(200, ErrorMessage = "Your name must be 200 characters or fewer")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.nhs.uk")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Create a password")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Confirm your password")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
        public string? ConfirmPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        LinkValid = await links.FindValidAsync(Token, ct) is not null;
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var stored = await links.FindValidAsync(Token, ct);
        LinkValid = stored is not null;
        if (stored is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        // Every mistake at once: the password's rules are checked with the rest of the form.
        await PasswordRules.CheckAsync(users, new UpwardUser { Email = Input.Email?.Trim(), DisplayName = "" }, Input.Password, ModelState, "Input.Password");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organisation = new Organisation { Name = Input.OrganisationName!.Trim() };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);

        var admin = new UpwardUser
        {
            UserName = Input.Email!.Trim(),
            Email = Input.Email!.Trim(),
            DisplayName = Input.DisplayName!.Trim(),
            OrganisationId = organisation.Id,
        };
        var created = await users.CreateAsync(admin, Input.Password!);
        if (!created.Succeeded)
        {
            IdentityMessages.AddTo(ModelState, created, "Input.Password", "Input.Email");
            return Page();
        }
        if (!await roles.RoleExistsAsync(UpwardRoles.OrganisationAdmin))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(UpwardRoles.OrganisationAdmin));
        }
        await users.AddToRoleAsync(admin, UpwardRoles.OrganisationAdmin);

        stored.UsedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.Audit(AuditAction.AdministratorCreated, admin.Id, organisation.Id, subject: $"user:{admin.Id}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // The set-up link proves control of the server, not of the email address typed here: until the
        // address is confirmed, no password reset is sent to it.
        await accountLinks.SendConfirmationAsync(admin, ct);
        await signIn.SignInAsync(admin, isPersistent: false);
        return RedirectToPage("/Admin/Index", null);
    }
}
