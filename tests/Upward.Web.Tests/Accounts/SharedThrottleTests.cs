using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Upward.Web.Pages.Account;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Accounts;

/// <summary>
/// Two instances of Upward behind one load balancer count the same wrong passwords: a guesser who
/// spreads attempts over both gets one budget, not two, and the window still ends for everyone.
/// </summary>
public sealed class SharedThrottleTests : IDisposable
{
    private static readonly DateTimeOffset Morning = new(2027, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Morning);
    private readonly AccountTestHost _first;
    private readonly UpwardFactory _second;

    public SharedThrottleTests()
    {
        _first = new AccountTestHost { Clock = _clock };
        _second = _first.AnotherInstance(clock: _clock);
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    private static async Task<string> TryAsync(HttpClient client, string email, string password)
    {
        var response = await client.SignInAsync(email, password);
        return response.StatusCode == HttpStatusCode.Redirect ? "signed in" : await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Wrong_passwords_on_either_instance_count_towards_one_limit_for_the_account_and_expire_with_the_window()
    {
        const string email = "shared@example.nhs.uk";
        await _first.CreateUserAsync(email);

        // Thirty wrong passwords through the first instance, each from another address, and ten through
        // the second: no address reaches its limit through the first, and the first alone has seen
        // fewer than the account's forty.
        for (var i = 0; i < 30; i++)
        {
            Assert.Contains(SignInModel.NotRight, await TryAsync(_first.Browser().From($"192.0.2.{i + 1}"), email, "wrong " + i));
        }
        for (var i = 0; i < 10; i++)
        {
            Assert.Contains(SignInModel.NotRight, await TryAsync(_second.Browser(), email, "wrong again " + i));
        }
        // So the first refuses a new address because of what the second counted.
        Assert.Contains(SignInModel.TooManyTries, await TryAsync(_first.Browser().From("198.51.100.7"), email, AccountTestHost.Password));
        Assert.Contains(SignInModel.TooManyTries, await TryAsync(_second.Browser(), email, AccountTestHost.Password));

        // What is stored cannot be read back as an email or an address.
        var stored = await _first.WithDbAsync(db => db.PasswordFailures.AsNoTracking().ToListAsync());
        Assert.Equal(40, stored.Count);
        Assert.All(stored, f =>
        {
            Assert.Matches("^[0-9a-f]{64}$", f.AccountKey);
            Assert.DoesNotContain("example", f.AccountKey);
            Assert.Matches("^[0-9a-f]{64}$", f.AddressKey);
        });

        // Once the fifteen-minute window has passed, the owner signs in, and old failures are cleared
        // the next time one is counted.
        _clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal("signed in", await TryAsync(_second.Browser(), email, AccountTestHost.Password));
        Assert.Contains(SignInModel.NotRight, await TryAsync(_first.Browser().From("192.0.2.99"), email, "one more wrong"));
        Assert.Equal(1, await _first.WithDbAsync(db => db.PasswordFailures.CountAsync()));
    }
}
