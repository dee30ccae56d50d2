using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Auditing;
using Upward.Data.Identity;
using Upward.TestIdentityProvider;
using Upward.Web.Demo;
using Upward.Web.Identity.OrganisationSignIn;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Accounts;

/// <summary>Organisation sign-in against a real OpenID provider (OpenIddict) on a loopback port.</summary>
public sealed class OrganisationSignInTests : IAsyncLifetime
{
    private readonly OrganisationSignInFactory _factory = new();
    private TestOpenIdProvider _provider = null!;
    private Guid _organisationId;

    public async Task InitializeAsync()
    {
        _organisationId = await _factory.DemoOrganisationIdAsync();
        _provider = await TestOpenIdProvider.StartAsync([OrganisationProvider.RedirectUri(_organisationId)]);
        await _factory.ConfigureAsync(_organisationId, _provider.Issuer);
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        _factory.Dispose();
    }

    private string Start(string? email = null, string? returnUrl = null) =>
        OrganisationProviderOptions.StartPath(_organisationId) + "?loginHint=" + Uri.EscapeDataString(email ?? "")
        + (returnUrl is null ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl));

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        _factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == action).ToListAsync());

    [Fact]
    public async Task A_new_person_of_an_allowed_domain_gets_an_account_and_the_next_time_is_recognised_by_their_subject()
    {
        _provider.Add(new TestUser("sub-new-1", "new.nurse@demo.upward.example", "Nurse New"));
        var client = _factory.Browser();

        var done = await client.FollowOrganisationSignInAsync(Start("new.nurse@demo.upward.example", "/programmes"), _provider);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/programmes", done.Headers.Location!.OriginalString);
        Assert.Contains("Signed in as Nurse New", await client.GetStringAsync("/"));
        var user = await _factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "new.nurse@demo.upward.example"));
        Assert.Equal(_organisationId, user.OrganisationId);
        Assert.Null(user.PasswordHash);
        Assert.Single(await AuditAsync(AuditAction.OrganisationAccountCreated), a => a.Subject == $"user:{user.Id}");

        // Their email changes at the provider; the subject still names them.
        _provider.Add(new TestUser("sub-new-1", "renamed@demo.upward.example", "Nurse New"));
        var again = await _factory.Browser().FollowOrganisationSignInAsync(Start("renamed@demo.upward.example"), _provider);
        Assert.Equal("/", again.Headers.Location!.OriginalString);
        Assert.Single(await AuditAsync(AuditAction.SignedInWithOrganisation), a => a.Subject == $"user:{user.Id}");
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.StartsWith("renamed") || u.Email!.StartsWith("new.nurse"))));
    }

    [Fact]
    public async Task An_existing_account_is_linked_by_verified_email_and_keeps_its_roles()
    {
        var coordinator = DemoProgramme.EmailOf("coordinator");
        _provider.Add(new TestUser("sub-coordinator", coordinator, "Someone Else's Name"));
        var client = _factory.Browser();

        var done = await client.FollowOrganisationSignInAsync(Start(coordinator), _provider);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var user = await _factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == coordinator));
        Assert.Single(await AuditAsync(AuditAction.OrganisationAccountLinked), a => a.Subject == $"user:{user.Id}");
        Assert.True(await _factory.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.UserId == user.Id && l.ProviderKey == "sub-coordinator" && l.LoginProvider == _provider.Issuer)));
        // The coordinator's programme is theirs as before.
        var programmeId = await _factory.ProgrammeIdAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/programmes/{programmeId}/people")).StatusCode);
    }

    [Fact]
    public async Task An_email_the_provider_has_not_verified_is_refused_and_no_account_is_created_or_linked()
    {
        _provider.Add(new TestUser("sub-unverified", DemoProgramme.EmailOf("mentor1"), "Mentor One", EmailVerified: false));
        _provider.Add(new TestUser("sub-unverified-2", "nobody.yet@demo.upward.example", "Nobody", EmailVerified: false));

        foreach (var email in new[] { DemoProgramme.EmailOf("mentor1"), "nobody.yet@demo.upward.example" })
        {
            var client = _factory.Browser();
            var done = await client.FollowOrganisationSignInAsync(Start(email), _provider);
            Assert.Contains("problem=EmailNotVerified", done.Headers.Location!.OriginalString);
            var page = await client.GetStringAsync(done.Headers.Location);
            Assert.Contains("nhsuk-error-summary", page);
            Assert.Contains($"{OrganisationProvider.Name} has not confirmed your email address", page);
            Assert.DoesNotContain("Signed in as", await client.GetStringAsync("/"));
        }
        Assert.False(await _factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "nobody.yet@demo.upward.example")));
        Assert.False(await _factory.WithDbAsync(db => db.UserLogins.AnyAsync()));
        Assert.Equal(2, (await AuditAsync(AuditAction.OrganisationSignInRefused)).Count(a => a.Detail == "EmailNotVerified"));
    }

    [Fact]
    public async Task A_provider_that_never_says_whether_an_email_is_verified_is_refused_unless_the_administrator_trusts_it()
    {
        // Microsoft Entra ID sends no email_verified claim by default.
        _provider.Add(new TestUser("sub-entra", "entra.nurse@demo.upward.example", "Entra Nurse", EmailVerified: null));
        _provider.Add(new TestUser("sub-said-no", "said.no@demo.upward.example", "Said No", EmailVerified: false));
        var refused = await _factory.Browser().FollowOrganisationSignInAsync(Start("entra.nurse@demo.upward.example"), _provider);
        Assert.Contains("problem=EmailNotVerified", refused.Headers.Location!.OriginalString);

        await _factory.WithDbAsync(db => db.OrganisationSignInSettings.Where(s => s.OrganisationId == _organisationId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TrustProviderEmails, true)));
        var client = _factory.Browser();
        var done = await client.FollowOrganisationSignInAsync(Start("entra.nurse@demo.upward.example"), _provider);
        Assert.Equal("/", done.Headers.Location!.OriginalString);
        Assert.Contains("Signed in as Entra Nurse", await client.GetStringAsync("/"));
        // Trust covers silence, not a provider that says no.
        var saidNo = await _factory.Browser().FollowOrganisationSignInAsync(Start("said.no@demo.upward.example"), _provider);
        Assert.Contains("problem=EmailNotVerified", saidNo.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_address_outside_the_allowed_domains_is_refused()
    {
        _provider.Add(new TestUser("sub-gmail", "someone@gmail.example", "Some One"));
        var client = _factory.Browser();

        var done = await client.FollowOrganisationSignInAsync(Start("someone@gmail.example"), _provider);

        Assert.Contains("problem=DomainNotAllowed", done.Headers.Location!.OriginalString);
        Assert.Contains("does not allow email addresses like yours", await client.GetStringAsync(done.Headers.Location));
        Assert.False(await _factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "someone@gmail.example")));
    }

    [Fact]
    public async Task A_wrong_issuer_ends_on_the_sign_in_page_with_a_message_not_an_error()
    {
        await _factory.ConfigureAsync(_organisationId, _provider.Issuer + "not-the-issuer/");
        var client = _factory.Browser();

        var response = await client.GetAsync(Start("anyone@demo.upward.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("problem=ProviderFailed", response.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains($"Signing in with {OrganisationProvider.Name} did not work", page);
    }

    [Fact]
    public async Task A_callback_that_was_not_started_here_is_refused()
    {
        _provider.Add(new TestUser("sub-x", "x@demo.upward.example", "X"));
        // A code obtained in another browser cannot be replayed in this one: no correlation cookie.
        var other = _factory.Browser();
        var start = await other.GetAsync(Start("x@demo.upward.example"));
        Assert.True(start.Headers.Location?.IsAbsoluteUri == true, $"Expected a redirect to the provider, got {(int)start.StatusCode} {start.Headers.Location}");
        using var atProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var callback = (await atProvider.GetAsync(start.Headers.Location)).Headers.Location!;

        var victim = _factory.Browser();
        var back = await victim.GetAsync(callback.PathAndQuery);

        Assert.Contains("problem=ProviderFailed", back.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Signed in as", await victim.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_by_name_and_email_first_routes_by_domain()
    {
        var page = await _factory.Browser().GetStringAsync("/account/sign-in?returnUrl=%2Fprogrammes");
        Assert.Contains($"Sign in with {OrganisationProvider.Name}", page);
        Assert.Contains($"href=\"{OrganisationProviderOptions.StartPath(_organisationId)}?returnUrl=%2Fprogrammes\"", page);

        var client = _factory.Browser();
        var routed = await client.SubmitAsync("/account/sign-in/organisation", new Dictionary<string, string> { ["Email"] = "a.person@demo.upward.example" });
        Assert.Equal(HttpStatusCode.Redirect, routed.StatusCode);
        Assert.StartsWith(OrganisationProviderOptions.StartPath(_organisationId) + "?loginHint=a.person%40demo.upward.example", routed.Headers.Location!.OriginalString);

        var unknown = await client.SubmitAsync("/account/sign-in/organisation", new Dictionary<string, string> { ["Email"] = "a.person@elsewhere.example" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("has not set up sign-in with its own accounts", await unknown.Content.ReadAsStringAsync());

        var mangled = await client.GetStringAsync("/account/sign-in/organisation?problem=Nonsense&organisation=x");
        Assert.DoesNotContain("nhsuk-error-summary", mangled);

        var empty = await client.SubmitAsync("/account/sign-in/organisation", new Dictionary<string, string> { ["Email"] = "" });
        Assert.Contains("Enter your work email address", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_organisation_without_a_provider_has_no_start_page()
    {
        var response = await _factory.Browser().GetAsync(OrganisationProviderOptions.StartPath(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Staff_of_an_organisation_that_requires_it_are_sent_to_the_provider_after_a_right_password()
    {
        await _factory.ConfigureAsync(_organisationId, _provider.Issuer, staffOnly: true);

        var coordinator = await _factory.Browser().SignInAsync(DemoProgramme.EmailOf("coordinator"), DemoProgramme.Password);
        Assert.Equal(HttpStatusCode.Redirect, coordinator.StatusCode);
        Assert.StartsWith(OrganisationProviderOptions.StartPath(_organisationId), coordinator.Headers.Location!.OriginalString);

        // A wrong password says only what it always says.
        var wrong = await _factory.Browser().SignInAsync(DemoProgramme.EmailOf("coordinator"), "not the password at all");
        Assert.Contains("The email address or password is not right", await wrong.Content.ReadAsStringAsync());

        // A mentor is not staff: their password still works.
        var mentor = await _factory.Browser().SignInAsync(DemoProgramme.EmailOf("mentor1"), DemoProgramme.Password);
        Assert.Equal("/", mentor.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_invitation_can_be_accepted_by_signing_in_with_the_organisation()
    {
        var programmeId = await _factory.ProgrammeIdAsync();
        var coordinator = await _factory.AsAsync("coordinator");
        var invited = await coordinator.SubmitAsync($"/programmes/{programmeId}/invite", new Dictionary<string, string>
        {
            ["Input.Email"] = "invited.doctor@demo.upward.example", ["Input.Name"] = "Dr Invited", ["Input.Role"] = "Mentor",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var link = Forms.LinkIn(_factory.Sent().Last().TextBody, "/invitations/");
        _provider.Add(new TestUser("sub-invited", "invited.doctor@demo.upward.example", "Dr Invited"));

        var client = _factory.Browser();
        var invitation = await client.GetStringAsync(link);
        Assert.Contains($"Sign in with {OrganisationProvider.Name}", invitation);
        var done = await client.FollowOrganisationSignInAsync(
            OrganisationProviderOptions.StartPath(_organisationId) + "?returnUrl=" + Uri.EscapeDataString(link), _provider, "invited.doctor@demo.upward.example");
        Assert.Equal(link, done.Headers.Location!.OriginalString);

        var accepted = await client.SubmitAsync(link, new Dictionary<string, string>(), link + "?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/programmes/{programmeId}/consent", accepted.Headers.Location!.OriginalString);
    }
}
