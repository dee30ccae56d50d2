using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Upward.Core.Auditing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Accounts;

/// <summary>Forgotten password and reset by email: same answer for any email, single use, expiring, audited.</summary>
public sealed class PasswordResetTests : IDisposable
{
    private readonly AccountTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private static Dictionary<string, string> Ask(string email) => new() { ["Input.Email"] = email };

    /// <summary>The reset email is written after the response has gone: wait a moment for it.</summary>
    internal static async Task<MimeMessage?> MailToAsync(UpwardFactory host, string address, string subjectStart, TimeSpan wait)
    {
        for (var waited = TimeSpan.Zero; waited < wait; waited += TimeSpan.FromMilliseconds(50))
        {
            var mail = host.Sent().LastOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address) && (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal));
            if (mail is not null) return mail;
            await Task.Delay(50);
        }
        return null;
    }

    private static string MainOf(string html) => Regex.Match(html, "<main[^>]*>(.*)</main>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task A_reset_link_changes_the_password_once_and_is_audited()
    {
        var user = await _host.CreateUserAsync("forgetful@example.nhs.uk");
        var asked = await _host.Browser().SubmitAsync("/account/forgotten-password", Ask("forgetful@example.nhs.uk"));
        Assert.Contains("Check your email", await asked.Content.ReadAsStringAsync());

        var mail = await MailToAsync(_host, "forgetful@example.nhs.uk", "Reset your Upward password", TimeSpan.FromSeconds(10));
        Assert.NotNull(mail);
        var link = Forms.LinkIn(mail!.TextBody, "/account/reset-password");
        var client = _host.Browser();
        Assert.Contains("Choose a new password", await client.GetStringAsync(link));

        var changed = await client.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "a brand new long password", ["Input.ConfirmPassword"] = "a brand new long password" });
        Assert.Contains("Your password has been changed", await changed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await _host.Browser().SignInAsync("forgetful@example.nhs.uk", AccountTestHost.Password)).StatusCode); // refused
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Browser().SignInAsync("forgetful@example.nhs.uk", "a brand new long password")).StatusCode);

        // Used once: the same link no longer works.
        var again = await _host.Browser().GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("This link does not work", await again.Content.ReadAsStringAsync());

        await _host.WithDbAsync(async db =>
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PasswordResetRequested && a.Subject == $"user:{user.Id}"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PasswordReset && a.Subject == $"user:{user.Id}"));
        });
    }

    [Fact]
    public async Task Known_unknown_and_unconfirmed_emails_get_the_same_answer_and_only_a_proven_address_gets_mail()
    {
        await _host.CreateUserAsync("known.reset@example.nhs.uk");
        await _host.CreateUserAsync("unproven@example.nhs.uk", emailConfirmed: false);

        var answers = new List<string>();
        foreach (var email in new[] { "known.reset@example.nhs.uk", "nobody.here@example.nhs.uk", "unproven@example.nhs.uk" })
        {
            var response = await _host.Browser().SubmitAsync("/account/forgotten-password", Ask(email));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(MainOf(await response.Content.ReadAsStringAsync()).Replace(email, "EMAIL", StringComparison.Ordinal));
        }
        Assert.Single(answers.Distinct());

        Assert.NotNull(await MailToAsync(_host, "known.reset@example.nhs.uk", "Reset", TimeSpan.FromSeconds(10)));
        await Task.Delay(500);
        Assert.DoesNotContain(_host.Sent(), m => m.To.Mailboxes.Any(b => b.Address is "nobody.here@example.nhs.uk" or "unproven@example.nhs.uk"));
    }

    [Fact]
    public async Task Every_mistake_in_the_new_password_is_listed_at_once()
    {
        await _host.CreateUserAsync("picky@example.nhs.uk");
        await _host.Browser().SubmitAsync("/account/forgotten-password", Ask("picky@example.nhs.uk"));
        var link = Forms.LinkIn((await MailToAsync(_host, "picky@example.nhs.uk", "Reset", TimeSpan.FromSeconds(10)))!.TextBody, "/account/reset-password");
        var client = _host.Browser();

        var common = await (await client.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "password1234!", ["Input.ConfirmPassword"] = "something else" })).Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", common);
        Assert.Contains("Choose a password that is harder to guess", common);
        Assert.Contains("The passwords do not match", common);

        var empty = await (await client.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "", ["Input.ConfirmPassword"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains("Create a password", empty);
        Assert.Contains("Confirm your password", empty);

        var tooShort = await (await client.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "short", ["Input.ConfirmPassword"] = "shorter" })).Content.ReadAsStringAsync();
        Assert.Contains("Password must be at least 12 characters", tooShort);
        Assert.Contains("The passwords do not match", tooShort);

        // Nothing above changed the password or spent the link.
        Assert.Contains("Choose a new password", await client.GetStringAsync(link));
    }

    [Fact]
    public async Task A_made_up_or_tampered_link_does_not_work()
    {
        var user = await _host.CreateUserAsync("tamper@example.nhs.uk");
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Browser().GetAsync($"/account/reset-password?user={user.Id}&token=made-up")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Browser().GetAsync("/account/reset-password")).StatusCode);

        await _host.Browser().SubmitAsync("/account/forgotten-password", Ask("tamper@example.nhs.uk"));
        var link = Forms.LinkIn((await MailToAsync(_host, "tamper@example.nhs.uk", "Reset", TimeSpan.FromSeconds(10)))!.TextBody, "/account/reset-password");
        var other = await _host.CreateUserAsync("victim@example.nhs.uk");
        var forOther = link.Replace(user.Id.ToString(), other.Id.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Browser().GetAsync(forOther)).StatusCode);
    }

    [Fact]
    public async Task A_link_expires()
    {
        using var quick = new QuickExpiry();
        await quick.CreateUserAsync("slow.reader@example.nhs.uk");
        await quick.Browser().SubmitAsync("/account/forgotten-password", Ask("slow.reader@example.nhs.uk"));
        var link = Forms.LinkIn((await MailToAsync(quick, "slow.reader@example.nhs.uk", "Reset", TimeSpan.FromSeconds(10)))!.TextBody, "/account/reset-password");

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(HttpStatusCode.NotFound, (await quick.Browser().GetAsync(link)).StatusCode);
    }

    /// <summary>Links that live one second instead of an hour.</summary>
    private sealed class QuickExpiry : AccountTestHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.PostConfigure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromSeconds(1)));
        }
    }
}
