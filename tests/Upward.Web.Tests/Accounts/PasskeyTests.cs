using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Accounts;

/// <summary>The passkey pages' answers to what a browser script would not send; the ceremony itself is in the browser tests.</summary>
public sealed class PasskeyTests : IDisposable
{
    private readonly DemoFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Sign_in_without_a_credential_or_with_a_forged_one_is_an_error_on_the_form_not_a_500()
    {
        var client = _factory.Browser();
        var empty = await client.SubmitAsync("/account/sign-in/passkey", new Dictionary<string, string> { ["credential"] = "", ["error"] = "cancelled" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("was cancelled or timed out", await empty.Content.ReadAsStringAsync());

        var forged = await client.SubmitAsync("/account/sign-in/passkey", new Dictionary<string, string>
        {
            ["credential"] = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AAAA","signature":"AAAA"}}""",
        });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        var html = await forged.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html);
        Assert.DoesNotContain("Signed in as", await client.GetStringAsync("/"));
        Assert.False(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignedInWithPasskey)));
    }

    [Fact]
    public async Task The_passkey_pages_need_a_signed_in_person_and_removing_an_unknown_passkey_changes_nothing()
    {
        var anonymous = await _factory.Browser().GetAsync("/account/security/passkeys");
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString);

        var mentor = await _factory.AsAsync("mentor4");
        Assert.Equal(HttpStatusCode.OK, (await mentor.GetAsync("/account/security/passkeys")).StatusCode);
        var options = await mentor.SubmitAsync("/account/security/passkeys", new Dictionary<string, string>(), "/account/security/passkeys?handler=Options");
        Assert.Equal("application/json", options.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"challenge\"", await options.Content.ReadAsStringAsync());

        var remove = await mentor.SubmitAsync("/account/security/passkeys", new Dictionary<string, string> { ["id"] = "bm90LWEtcGFzc2tleQ" }, "/account/security/passkeys?handler=Remove");
        Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        Assert.False(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PasskeyRemoved)));
        var bad = await mentor.SubmitAsync("/account/security/passkeys", new Dictionary<string, string> { ["id"] = "%%%" }, "/account/security/passkeys?handler=Remove");
        Assert.NotEqual(HttpStatusCode.InternalServerError, bad.StatusCode);
    }
}
