using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Organisations;
using Upward.Data.Identity;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

public sealed class SignInTests : IDisposable
{
    private const string Password = "a long enough password";
    private readonly UpwardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<UpwardUser> CreateUserAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Upward.Data.UpwardDbContext>();
        var organisation = new Organisation { Name = "Test Trust" };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var user = new UpwardUser { UserName = email, Email = email, DisplayName = "Dr Test Person", OrganisationId = organisation.Id };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<UpwardUser>>().CreateAsync(user, Password);
        Assert.True(result.Succeeded);
        return user;
    }

    [Fact]
    public async Task Right_password_signs_in_and_sign_out_signs_out()
    {
        await CreateUserAsync("person@example.nhs.uk");
        var client = _factory.Browser();

        var signIn = await client.SignInAsync("person@example.nhs.uk", Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("Signed in as Dr Test Person", await client.GetStringAsync("/"));

        var signOut = await client.SubmitAsync("/", new Dictionary<string, string>(), "/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var home = await client.GetStringAsync("/");
        Assert.DoesNotContain("Signed in as", home);
        Assert.Contains("href=\"/account/sign-in\"", home);
    }

    [Fact]
    public async Task Wrong_password_gets_the_error_summary_and_the_same_words_as_an_unknown_email()
    {
        await CreateUserAsync("person@example.nhs.uk");

        var wrong = await (await _factory.Browser().SignInAsync("person@example.nhs.uk", "not the password")).Content.ReadAsStringAsync();
        var unknown = await (await _factory.Browser().SignInAsync("nobody@example.nhs.uk", "not the password")).Content.ReadAsStringAsync();

        Assert.Contains("nhsuk-error-summary", wrong);
        Assert.Contains("The email address or password is not right", wrong);
        Assert.Contains("The email address or password is not right", unknown);
    }

    [Fact]
    public async Task Empty_form_names_each_missing_field()
    {
        var response = await _factory.Browser().SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter your email address", html);
        Assert.Contains("Enter your password", html);
        Assert.Contains("href=\"#Input-Email\"", html);
    }

    [Fact]
    public async Task Return_url_to_another_site_is_ignored()
    {
        await CreateUserAsync("person@example.nhs.uk");
        var response = await _factory.Browser().SubmitAsync("/account/sign-in?returnUrl=https://evil.example/",
            new Dictionary<string, string> { ["Input.Email"] = "person@example.nhs.uk", ["Input.Password"] = Password, ["returnUrl"] = "https://evil.example/" });

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Admin_pages_refuse_a_signed_out_visitor_and_a_non_admin()
    {
        await CreateUserAsync("person@example.nhs.uk");
        var anonymous = await _factory.Browser().GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString);

        var client = _factory.Browser();
        await client.SignInAsync("person@example.nhs.uk", Password);
        var notAdmin = await client.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, notAdmin.StatusCode);
        Assert.Contains("/account/access-denied", notAdmin.Headers.Location?.OriginalString);
    }
}
