using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Auditing;
using Upward.Data.Identity;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

/// <summary>No default password: the first administrator comes from a one-time set-up link.</summary>
public sealed class SetupTests : IDisposable
{
    private readonly UpwardFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<string> IssueLinkAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        // On a start with no accounts the app announces a link of its own, just after it starts, and
        // issuing a link retires the unused ones: wait for that first, or it may retire ours.
        var db = scope.ServiceProvider.GetRequiredService<Upward.Data.UpwardDbContext>();
        for (var waited = 0; waited < 10_000 && !await db.SetupTokens.AnyAsync(); waited += 50)
        {
            await Task.Delay(50);
        }
        return await scope.ServiceProvider.GetRequiredService<SetupLinks>().IssueAsync();
    }

    private static Dictionary<string, string> Admin(string token, string password = "correct horse battery", string? confirm = null) => new()
    {
        ["token"] = token,
        ["Input.OrganisationName"] = "Sheffield Teaching Hospitals NHS Foundation Trust",
        ["Input.DisplayName"] = "Dr Alex Lead",
        ["Input.Email"] = "alex.lead@example.nhs.uk",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    [Fact]
    public async Task Link_creates_an_administrator_who_is_signed_in_and_audited()
    {
        var token = await IssueLinkAsync();
        var client = _factory.Browser();

        var response = await client.SubmitAsync($"/setup?token={token}", Admin(token), "/setup");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var admin = await client.GetStringAsync("/admin");
        Assert.Contains("Sheffield Teaching Hospitals NHS Foundation Trust", admin);
        Assert.Contains("Signed in as Dr Alex Lead", admin);
        await _factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync();
            Assert.NotNull(user.PasswordHash);
            Assert.DoesNotContain("correct horse", user.PasswordHash);
            Assert.True(await db.UserRoles.AnyAsync());
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.AdministratorCreated && a.ActorUserId == user.Id));
        });
    }

    [Fact]
    public async Task Link_works_once()
    {
        var token = await IssueLinkAsync();
        await _factory.Browser().SubmitAsync($"/setup?token={token}", Admin(token), "/setup");

        var again = await _factory.Browser().GetAsync($"/setup?token={token}");

        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("This set-up link does not work", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Wrong_or_missing_token_is_refused()
    {
        await IssueLinkAsync();
        var wrong = await _factory.Browser().GetAsync("/setup?token=not-the-token");
        var missing = await _factory.Browser().GetAsync("/setup");

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Issuing_a_new_link_retires_the_old_one()
    {
        var old = await IssueLinkAsync();
        await IssueLinkAsync();

        var response = await _factory.Browser().GetAsync($"/setup?token={old}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Bad_input_shows_the_error_summary_and_creates_nothing()
    {
        var token = await IssueLinkAsync();
        var response = await _factory.Browser().SubmitAsync($"/setup?token={token}", Admin(token, "short", "different"), "/setup");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("The passwords do not match", html);
        Assert.Contains("<title>Error: ", html);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));

        var tooShort = await _factory.Browser().SubmitAsync($"/setup?token={token}", Admin(token, "short"), "/setup");
        Assert.Contains("Password must be at least 12 characters", await tooShort.Content.ReadAsStringAsync());
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Organisations.CountAsync()));
    }
}
