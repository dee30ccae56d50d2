using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Upward.Core.Auditing;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Accounts;

public sealed partial class SecondFactorTests : IDisposable
{
    private readonly OrganisationSignInFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    /// <summary>Sets up the authenticator as the person would: reads the key off the page and types the app's code.</summary>
    private static async Task<(string Key, string[] RecoveryCodes)> SetUpAuthenticatorAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/account/security/authenticator");
        var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Contains("otpauth://totp/", page);
        Assert.Contains("<svg", page);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var done = await client.SubmitAsync("/account/security/authenticator", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.StartsWith("/account/security/recovery-codes", done.Headers.Location!.OriginalString);
        var codes = CodePattern().Matches(await client.GetStringAsync(done.Headers.Location)).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(10, codes.Length);
        return (key, codes);
    }

    private Task<int> AuditCountAsync(string action) => _factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action));

    [Fact]
    public async Task A_coordinator_sets_up_an_authenticator_and_then_needs_its_code_after_the_password()
    {
        var coordinator = DemoProgramme.EmailOf("coordinator");
        var setUp = await _factory.AsAsync("coordinator");
        var (key, _) = await SetUpAuthenticatorAsync(setUp);
        Assert.Equal(1, await AuditCountAsync(AuditAction.TwoFactorEnabled));

        var client = _factory.Browser();
        var password = await client.SignInAsync(coordinator, DemoProgramme.Password);
        Assert.StartsWith("/account/sign-in/second-factor", password.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Signed in as", await client.GetStringAsync("/"));

        var wrong = await client.SubmitAsync("/account/sign-in/second-factor", new Dictionary<string, string> { ["Code"] = "000000" });
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", wrongHtml);
        Assert.Contains("That code is not right", wrongHtml);

        // A code of the next time step, as a phone a little ahead of the server would show.
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));
        var right = await client.SubmitAsync("/account/sign-in/second-factor", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal("/", right.Headers.Location!.OriginalString);
        Assert.Contains("Signed in as", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_its_use_is_audited()
    {
        var (_, codes) = await SetUpAuthenticatorAsync(await _factory.AsAsync("researcher"));
        var researcher = DemoProgramme.EmailOf("researcher");

        var client = _factory.Browser();
        await client.SignInAsync(researcher, DemoProgramme.Password);
        var used = await client.SubmitAsync("/account/sign-in/second-factor?useRecoveryCode=true",
            new Dictionary<string, string> { ["Code"] = codes[0], ["useRecoveryCode"] = "true" });
        Assert.Equal("/", used.Headers.Location!.OriginalString);
        Assert.Equal(1, await AuditCountAsync(AuditAction.RecoveryCodeUsed));

        var again = _factory.Browser();
        await again.SignInAsync(researcher, DemoProgramme.Password);
        var reused = await again.SubmitAsync("/account/sign-in/second-factor?useRecoveryCode=true",
            new Dictionary<string, string> { ["Code"] = codes[0], ["useRecoveryCode"] = "true" });
        Assert.Contains("That recovery code is not right or has been used", await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_second_step_page_without_a_first_step_goes_back_to_sign_in()
    {
        var response = await _factory.Browser().GetAsync("/account/sign-in/second-factor");
        Assert.Equal("/account/sign-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Where_the_organisation_requires_it_staff_with_a_password_set_it_up_before_anything_else()
    {
        var organisationId = await _factory.DemoOrganisationIdAsync();
        await _factory.ConfigureAsync(organisationId, "https://login.example.nhs.uk/", secondFactor: true);
        var programmeId = await _factory.ProgrammeIdAsync();

        foreach (var who in new[] { "coordinator", "researcher", "admin" })
        {
            var client = await _factory.AsAsync(who);
            var blocked = await client.GetAsync($"/programmes/{programmeId}");
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal("/account/security/authenticator", blocked.Headers.Location!.OriginalString);
        }

        // A mentor is not asked.
        var mentor = await _factory.AsAsync("mentor1");
        Assert.Equal(HttpStatusCode.OK, (await mentor.GetAsync("/")).StatusCode);

        // Once set up, the coordinator carries on, and cannot turn it off.
        var coordinator = await _factory.AsAsync("coordinator");
        Assert.Contains("Your organisation requires this", await coordinator.GetStringAsync("/account/security/authenticator"));
        await SetUpAuthenticatorAsync(coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/programmes/{programmeId}")).StatusCode);
        var disable = await coordinator.SubmitAsync("/account/security", new Dictionary<string, string>(), "/account/security?handler=Disable");
        Assert.Contains("you cannot turn it off", await disable.Content.ReadAsStringAsync());
        Assert.Equal(0, await AuditCountAsync(AuditAction.TwoFactorDisabled));
    }

    [Fact]
    public async Task Someone_not_required_can_turn_it_off_and_it_is_audited()
    {
        var mentor = await _factory.AsAsync("mentor2");
        await SetUpAuthenticatorAsync(mentor);

        var off = await mentor.SubmitAsync("/account/security", new Dictionary<string, string>(), "/account/security?handler=Disable");
        Assert.Contains("You no longer use an authenticator app", await off.Content.ReadAsStringAsync());
        Assert.Equal(1, await AuditCountAsync(AuditAction.TwoFactorDisabled));
        var signIn = await _factory.Browser().SignInAsync(DemoProgramme.EmailOf("mentor2"), DemoProgramme.Password);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("id=\"authenticator-key\"[^>]*>([a-z0-9 ]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex CodePattern();
}
