using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Upward.Core.Auditing;
using Upward.Core.Organisations;
using Upward.Core.People;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Web.Identity.OrganisationSignIn;

/// <summary>
/// Turns a person the organisation's provider vouched for into an Upward account: the account already
/// linked to them, else the account with their verified email (linked now), else a new one.
/// </summary>
public sealed class OrganisationAccounts(UpwardDbContext db, UserManager<UpwardUser> users, SignInManager<UpwardUser> signIn, TimeProvider clock)
{
    /// <summary>The <c>amr</c> claim of a session begun with the organisation's provider.</summary>
    public const string AuthenticationMethod = "organisation";

    public async Task<(UpwardUser? User, OrganisationSignInProblem Problem)> SignInAsync(ClaimsPrincipal external, OrganisationSignInSettings settings, CancellationToken ct)
    {
        // Every claim carries the issuer that signed the token; the pair (issuer, subject) is the OpenID name of a person.
        var subjectClaim = external.FindFirst("sub");
        var issuer = subjectClaim?.Issuer;
        var subject = subjectClaim?.Value;
        if (string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(subject) || issuer.Length > 128 || subject.Length > 128)
        {
            return Refuse(settings, OrganisationSignInProblem.ProviderFailed);
        }

        // The pair (issuer, subject) names a person for good, whatever happens to their email address.
        var user = await users.FindByLoginAsync(issuer, subject);
        if (user is not null)
        {
            if (user.OrganisationId != settings.OrganisationId)
            {
                return Refuse(settings, OrganisationSignInProblem.AnotherOrganisation);
            }
            await CompleteAsync(user, AuditAction.SignedInWithOrganisation, settings, ct);
            return (user, OrganisationSignInProblem.None);
        }

        var email = external.FindFirstValue("email")?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            return await RefuseAsync(settings, OrganisationSignInProblem.NoEmail, ct);
        }
        // Linking by email is only as safe as the provider's word that the address is the person's:
        // its email_verified claim, or, for a provider that never sends one (Entra ID), the
        // administrator's trust. A provider that says "not verified" is refused either way.
        var verified = external.FindFirstValue("email_verified");
        if (!string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase) && !(verified is null && settings.TrustProviderEmails))
        {
            return await RefuseAsync(settings, OrganisationSignInProblem.EmailNotVerified, ct);
        }
        if (!settings.AllowsEmail(email))
        {
            return await RefuseAsync(settings, OrganisationSignInProblem.DomainNotAllowed, ct);
        }

        var login = new UserLoginInfo(issuer, subject, settings.ProviderName);
        user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            if (user.OrganisationId is { } other && other != settings.OrganisationId)
            {
                return await RefuseAsync(settings, OrganisationSignInProblem.AnotherOrganisation, ct);
            }
            var linked = await users.AddLoginAsync(user, login);
            if (!linked.Succeeded)
            {
                return Refuse(settings, OrganisationSignInProblem.ProviderFailed);
            }
            await CompleteAsync(user, AuditAction.OrganisationAccountLinked, settings, ct);
            return (user, OrganisationSignInProblem.None);
        }

        user = new UpwardUser
        {
            UserName = EmailAddress.Normalise(email),
            Email = EmailAddress.Normalise(email),
            EmailConfirmed = true,
            DisplayName = Truncate(external.FindFirstValue("name") is { Length: > 0 } name ? name.Trim() : email, 200),
            OrganisationId = settings.OrganisationId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded || !(await users.AddLoginAsync(user, login)).Succeeded)
        {
            return Refuse(settings, OrganisationSignInProblem.ProviderFailed);
        }
        await CompleteAsync(user, AuditAction.OrganisationAccountCreated, settings, ct);
        return (user, OrganisationSignInProblem.None);
    }

    private async Task CompleteAsync(UpwardUser user, string action, OrganisationSignInSettings settings, CancellationToken ct)
    {
        db.Audit(action, user.Id, settings.OrganisationId, subject: $"user:{user.Id}");
        await db.SaveChangesAsync(ct);
        // The provider answered for the person (and for their second factor, where it asks one).
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: AuthenticationMethod);
    }

    private static (UpwardUser?, OrganisationSignInProblem) Refuse(OrganisationSignInSettings settings, OrganisationSignInProblem problem) => (null, problem);

    private async Task<(UpwardUser?, OrganisationSignInProblem)> RefuseAsync(OrganisationSignInSettings settings, OrganisationSignInProblem problem, CancellationToken ct)
    {
        db.Audit(AuditAction.OrganisationSignInRefused, actorUserId: null, settings.OrganisationId, detail: problem.ToString());
        await db.SaveChangesAsync(ct);
        return (null, problem);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
