using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Upward.Core.Auditing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Accounts;

/// <summary>
/// A signed-in person changes their password: the current one first, the new one under the same rules
/// as a reset, other browsers signed out, an email sent, an audit entry; wrong current passwords
/// throttled like sign-in.
/// </summary>
public sealed class ChangePasswordTests : IDisposable
{
    private readonly AccountTestHost _host = new();
    private const string NewPassword = "another quite long passphrase";

    public void Dispose() => _host.Dispose();

    private static Dictionary<string, string> Change(string current, string password, string? confirm = null) => new()
    {
        ["Input.CurrentPassword"] = current, ["Input.Password"] = password, ["Input.ConfirmPassword"] = confirm ?? password,
    };

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _host.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, AccountTestHost.Password)).StatusCode);
        return client;
    }

    [Fact]
    public async Task Changing_the_password_signs_out_other_browsers_emails_the_person_and_is_audited()
    {
        using var timed = new AccountTestHost { Clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 12, 10, 0, 0, TimeSpan.Zero)) };
        var user = await timed.CreateUserAsync("changer@example.nhs.uk");
        var here = timed.Browser();
        var elsewhere = timed.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await here.SignInAsync("changer@example.nhs.uk", AccountTestHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.SignInAsync("changer@example.nhs.uk", AccountTestHost.Password)).StatusCode);
        Assert.Contains("Change your password", await here.GetStringAsync("/account/security"));

        var changed = await here.SubmitAsync("/account/security/password", Change(AccountTestHost.Password, NewPassword));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Your password has been changed", await changed.Content.ReadAsStringAsync());

        // This browser stays signed in; the other one is signed out at its next check (its cookie carries the old security stamp).
        timed.Clock!.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account/security")).StatusCode);
        var other = await elsewhere.GetAsync("/account/security");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("/account/sign-in", other.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await timed.Browser().SignInAsync("changer@example.nhs.uk", AccountTestHost.Password)).StatusCode); // refused
        Assert.Equal(HttpStatusCode.Redirect, (await timed.Browser().SignInAsync("changer@example.nhs.uk", NewPassword)).StatusCode);
        Assert.NotNull(await PasswordResetTests.MailToAsync(timed, "changer@example.nhs.uk", "Your Upward password has been changed", TimeSpan.FromSeconds(10)));
        Assert.Equal(1, await timed.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.PasswordChanged && a.ActorUserId == user.Id && a.Subject == $"user:{user.Id}")));
    }

    [Fact]
    public async Task Bad_input_shows_the_error_summary_and_changes_nothing()
    {
        await _host.CreateUserAsync("careful@example.nhs.uk");
        var client = await SignedInAsync("careful@example.nhs.uk");
        foreach (var (fields, message) in new[]
        {
            (Change("", NewPassword), "Enter your current password"),
            (Change("not my password at all", NewPassword), "Your current password is not right"),
            (Change(AccountTestHost.Password, ""), "Create a new password"),
            (Change(AccountTestHost.Password, NewPassword, "something else entirely"), "The new passwords do not match"),
            (Change(AccountTestHost.Password, "short"), "12 characters"),
            (Change(AccountTestHost.Password, AccountTestHost.Password), "different from your current one"),
        })
        {
            var response = await client.SubmitAsync("/account/security/password", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("There is a problem", html);
            Assert.Contains(message, html);
            Assert.DoesNotContain("Your password has been changed", html);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Browser().SignInAsync("careful@example.nhs.uk", AccountTestHost.Password)).StatusCode);
        Assert.False(await _host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PasswordChanged)));
    }

    [Fact]
    public async Task Guessing_the_current_password_is_throttled_like_sign_in()
    {
        await _host.CreateUserAsync("guessed@example.nhs.uk");
        var client = await SignedInAsync("guessed@example.nhs.uk");
        string last = "";
        for (var i = 0; i < 12; i++)
        {
            last = await (await client.SubmitAsync("/account/security/password", Change($"guess number {i} here", NewPassword))).Content.ReadAsStringAsync();
        }
        Assert.Contains("Too many wrong passwords", last);
        // Even the right password is refused while throttled.
        var right = await client.SubmitAsync("/account/security/password", Change(AccountTestHost.Password, NewPassword));
        Assert.Contains("Too many wrong passwords", await right.Content.ReadAsStringAsync());
        // One count for both forms: signing in again from the same place must wait too.
        Assert.Equal(HttpStatusCode.OK, (await _host.Browser().SignInAsync("guessed@example.nhs.uk", AccountTestHost.Password)).StatusCode);
        // and the password itself never changed.
        Assert.False(await _host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PasswordChanged)));
    }

    [Fact]
    public async Task Signed_out_people_are_sent_to_sign_in()
    {
        var response = await _host.Browser().GetAsync("/account/security/password");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
    }
}
