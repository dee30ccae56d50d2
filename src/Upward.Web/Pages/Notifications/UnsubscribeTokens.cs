using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Upward.Core.Notifications;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// The token in an email's unsubscribe link: the person and the kind of email, protected so nobody can
/// turn someone else's email off by guessing. It does not expire: an old email's link should still work.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Upward.Notifications.Unsubscribe.v1");

    public string For(Guid userId, NotificationKind kind) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes($"{userId:N}|{(int)kind}")));

    public (Guid UserId, NotificationKind Kind)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return null;
        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var user) && int.TryParse(parts[1], out var kind)
                && Enum.IsDefined((NotificationKind)kind)
                ? (user, (NotificationKind)kind)
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
