using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Auditing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Accounts;

/// <summary>
/// The set-up administrator's address is typed, not proven: Upward sends a confirmation link, and
/// no reset goes to the address until it is confirmed. (Accounts made from an invitation link are
/// confirmed by opening it.)
/// </summary>
public sealed class EmailConfirmationTests : IDisposable
{
    private readonly AccountTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_set_up_administrator_confirms_by_link_and_only_then_can_reset_by_email()
    {
        string token;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Upward.Data.UpwardDbContext>();
            for (var waited = 0; waited < 10_000 && !await db.SetupTokens.AnyAsync(); waited += 50) await Task.Delay(50);
            token = await scope.ServiceProvider.GetRequiredService<Upward.Data.Identity.SetupLinks>().IssueAsync();
        }
        var admin = _host.Browser();
        await admin.SubmitAsync($"/setup?token={token}", new Dictionary<string, string>
        {
            ["token"] = token, ["Input.OrganisationName"] = "Confirming Trust", ["Input.DisplayName"] = "Dr Cee Firm",
            ["Input.Email"] = "cee.firm@example.nhs.uk", ["Input.Password"] = "a long enough password", ["Input.ConfirmPassword"] = "a long enough password",
        }, "/setup");
        Assert.Contains("Please confirm your email address", await admin.GetStringAsync("/admin"));

        // Not yet proven: no reset link is sent.
        await _host.Browser().SubmitAsync("/account/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = "cee.firm@example.nhs.uk" });
        await Task.Delay(500);
        Assert.DoesNotContain(_host.Sent(), m => (m.Subject ?? "").StartsWith("Reset", StringComparison.Ordinal));

        var mail = _host.Sent().Single(m => (m.Subject ?? "").StartsWith("Confirm your email", StringComparison.Ordinal));
        var link = Forms.LinkIn(mail.TextBody, "/account/confirm-email");
        // Opening the link confirms nothing by itself (mail scanners open links); the button does.
        Assert.Contains("Confirm my email address", await admin.GetStringAsync(link));
        Assert.False(await _host.WithDbAsync(db => db.Users.Where(u => u.Email == "cee.firm@example.nhs.uk").Select(u => u.EmailConfirmed).SingleAsync()));
        var confirmed = await admin.SubmitAsync(link, new Dictionary<string, string>());
        Assert.Contains("Email address confirmed", await confirmed.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Please confirm your email address", await admin.GetStringAsync("/admin"));
        Assert.True(await _host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.EmailConfirmed)));

        await _host.Browser().SubmitAsync("/account/forgotten-password", new Dictionary<string, string> { ["Input.Email"] = "cee.firm@example.nhs.uk" });
        Assert.NotNull(await PasswordResetTests.MailToAsync(_host, "cee.firm@example.nhs.uk", "Reset", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_made_up_confirmation_link_does_not_work()
    {
        var user = await _host.CreateUserAsync("unconfirmed@example.nhs.uk", emailConfirmed: false);
        var response = await _host.Browser().GetAsync($"/account/confirm-email?user={user.Id}&token=made-up");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This link does not work", await response.Content.ReadAsStringAsync());
    }
}
