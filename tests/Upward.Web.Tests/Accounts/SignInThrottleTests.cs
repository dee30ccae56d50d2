using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Web.Pages.Account;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Accounts;

/// <summary>
/// Guessing is throttled per email and client address, never punished with lockout: one place can
/// only slow itself, the owner elsewhere still signs in, and known and unknown emails look the same.
/// </summary>
public sealed class SignInThrottleTests : IDisposable
{
    private readonly AccountTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<string> TryAsync(string address, string email, string password)
    {
        var response = await _host.Browser().From(address).SignInAsync(email, password);
        return response.StatusCode == HttpStatusCode.Redirect ? "signed in" : await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Ten_wrong_passwords_from_one_place_slow_that_place_only_and_lock_nobody_out()
    {
        var user = await _host.CreateUserAsync("owner@example.nhs.uk");

        for (var i = 0; i < 10; i++)
        {
            var attempt = await TryAsync("192.0.2.10", "owner@example.nhs.uk", "wrong " + i);
            Assert.Contains(SignInModel.NotRight, attempt);
        }
        // From the attacker's address, even the right password must wait now...
        Assert.Contains(SignInModel.TooManyTries, await TryAsync("192.0.2.10", "owner@example.nhs.uk", AccountTestHost.Password));
        // ...but the owner, elsewhere, signs in as usual: there is no lockout.
        Assert.Equal("signed in", await TryAsync("198.51.100.20", "owner@example.nhs.uk", AccountTestHost.Password));
        Assert.True(await _host.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignInThrottled && a.Subject == $"user:{user.Id}")));
        Assert.Null(await _host.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_email_is_throttled_in_the_same_way_and_nothing_says_locked()
    {
        await _host.CreateUserAsync("known@example.nhs.uk");
        var known = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            known.Add(await TryAsync("192.0.2.11", "known@example.nhs.uk", "wrong " + i));
            unknown.Add(await TryAsync("192.0.2.11", "unknown@example.nhs.uk", "wrong " + i));
        }

        for (var i = 0; i < 11; i++)
        {
            Assert.Equal(Words(known[i]), Words(unknown[i]));
            Assert.DoesNotContain("locked", known[i], StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(SignInModel.TooManyTries, unknown[10]);
    }

    [Fact]
    public async Task Guessing_from_many_places_at_once_is_limited_for_the_account_as_a_whole()
    {
        await _host.CreateUserAsync("target@example.nhs.uk");
        for (var place = 1; place <= 4; place++)
        {
            for (var i = 0; i < 10; i++)
            {
                await TryAsync($"203.0.113.{place}", "target@example.nhs.uk", "wrong " + i);
            }
        }
        Assert.Contains(SignInModel.TooManyTries, await TryAsync("203.0.113.99", "target@example.nhs.uk", "one more guess"));
    }

    [Fact]
    public async Task Too_many_posts_from_one_address_get_429_and_the_nhs_page_while_others_carry_on()
    {
        var client = _host.Browser().From("192.0.2.50");
        var token = await client.TokenAsync("/account/sign-in");
        HttpResponseMessage last = null!;
        for (var i = 0; i <= 60; i++)
        {
            last = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = $"someone{i}@example.nhs.uk",
                ["Input.Password"] = "a guess",
            }));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("Too many attempts", await last.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode); // reading is not limited
        await _host.CreateUserAsync("elsewhere@example.nhs.uk");
        Assert.Equal("signed in", await TryAsync("192.0.2.51", "elsewhere@example.nhs.uk", AccountTestHost.Password));
    }

    /// <summary>The page without its per-request tokens and nonces, which differ on every response.</summary>
    private static string Words(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "(value|nonce)=\"[^\"]*\"", "$1=\"\"");
}
