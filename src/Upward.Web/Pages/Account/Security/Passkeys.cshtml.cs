using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Upward.Core.Auditing;
using Upward.Data.Identity;
using Upward.Web.Identity.SecondFactor;

namespace Upward.Web.Pages.Account.Security;

/// <summary>A person's passkeys (ASP.NET Core Identity's WebAuthn support): add one, see them, remove one.</summary>
[Authorize]
public sealed class PasskeysModel(UserManager<UpwardUser> users, SignInManager<UpwardUser> signIn, SecondFactorAudit audit, TimeProvider clock) : PageModel
{
    public sealed record Passkey(string Id, string Name, string Added);

    public IReadOnlyList<Passkey> Passkeys { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    /// <summary>The creation options for the browser (JSON); Identity keeps the challenge in its own cookie until the answer comes.</summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = user.Email ?? user.UserName ?? "",
            DisplayName = user.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync(string? credential, string? error)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrEmpty(credential) || credential.Length > 20_000)
        {
            Message = error == "cancelled" ? "No passkey was added: the request was cancelled or timed out." : "No passkey was added. Try again, or use another device.";
            await LoadAsync(user);
            return Page();
        }
        PasskeyAttestationResult? attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credential);
        }
        catch (Exception e) when (e is PasskeyException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            attestation = null;
        }
        if (attestation is not { Succeeded: true })
        {
            Message = "That passkey could not be added. Try again, or use another device.";
            await LoadAsync(user);
            return Page();
        }
        var passkey = attestation.Passkey;
        passkey.Name = $"Passkey added {clock.GetUtcNow():d MMMM yyyy}";
        var added = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!added.Succeeded)
        {
            Message = "That passkey could not be added. Try again, or use another device.";
            await LoadAsync(user);
            return Page();
        }
        await audit.RecordAsync(AuditAction.PasskeyAdded, user, detail: $"passkey:{WebEncoders.Base64UrlEncode(passkey.CredentialId)}");
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        Message = "Passkey added. You can now sign in with it.";
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(id ?? "");
        }
        catch (FormatException)
        {
            return RedirectToPage();
        }
        // Only one of this person's own passkeys can be removed; an id of anyone else's finds nothing.
        if (credentialId.Length > 0 && await users.GetPasskeyAsync(user, credentialId) is not null)
        {
            await users.RemovePasskeyAsync(user, credentialId);
            await audit.RecordAsync(AuditAction.PasskeyRemoved, user, detail: $"passkey:{id}");
            Message = "Passkey removed.";
        }
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(UpwardUser user) =>
        Passkeys = [.. (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt)
            .Select(p => new Passkey(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt.ToString("d MMMM yyyy")))];
}
