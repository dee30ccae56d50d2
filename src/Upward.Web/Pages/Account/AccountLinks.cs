using Microsoft.AspNetCore.Identity;
using Upward.Core.Auditing;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Email;

namespace Upward.Web.Pages.Account;

/// <summary>Sends the single-use links of local accounts: password reset and email confirmation.</summary>
public sealed class AccountLinks(UserManager<UpwardUser> users, UpwardDbContext db, Mailer mailer, PublicLinks links, Upward.Web.Programmes.PageLinks pages)
{
    /// <summary>How long a reset link works (Identity's token lifespan is set to this).</summary>
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    public async Task SendResetAsync(UpwardUser user, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.To(pages.Page("/Account/ResetPassword", new { user = user.Id, token }));
        db.Audit(AuditAction.PasswordResetRequested, actorUserId: null, user.OrganisationId, subject: $"user:{user.Id}");
        await db.SaveChangesAsync(ct);
        await mailer.SendAsync(user.OrganisationId ?? Guid.Empty, Messages.PasswordReset(user.Email!, user.DisplayName, (int)ResetLifetime.TotalMinutes, link), ct);
    }

    public async Task SendConfirmationAsync(UpwardUser user, CancellationToken ct)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.To(pages.Page("/Account/ConfirmEmail", new { user = user.Id, token }));
        db.Audit(AuditAction.EmailConfirmationSent, actorUserId: user.Id, user.OrganisationId, subject: $"user:{user.Id}");
        await db.SaveChangesAsync(ct);
        await mailer.SendAsync(user.OrganisationId ?? Guid.Empty, Messages.ConfirmEmail(user.Email!, user.DisplayName, link), ct);
    }
}
