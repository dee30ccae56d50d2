using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Web.Pages.Account;

/// <summary>
/// Counts wrong passwords per email (as typed, known or not) from one client address and from all
/// addresses together, and says when either count has reached its limit (see <see cref="SignInLimits"/>).
/// Right passwords are not counted. The failures are kept in the database (<see cref="PasswordFailure"/>)
/// rather than in each instance's memory, so that behind a load balancer every instance counts the same
/// failures and a restart forgets none.
/// </summary>
public sealed class PasswordThrottle(UpwardDbContext db, IOptions<SignInLimits> options, TimeProvider clock)
{
    /// <summary>True when more wrong passwords for this email from this address must wait.</summary>
    public async Task<bool> IsThrottledAsync(string email, string address, CancellationToken ct = default)
    {
        var limits = options.Value;
        var account = Key(Normalise(email));
        var since = Now() - limits.AccountWindow;
        var recent = db.PasswordFailures.Where(f => f.AccountKey == account && f.AtUtc > since);
        if (await recent.CountAsync(ct) >= EverywhereLimit(limits)) return true;
        var from = Key(address);
        return await recent.CountAsync(f => f.AddressKey == from, ct) >= limits.FailuresPerAccountFromAddress;
    }

    /// <summary>Counts one wrong password for this email from this address, and forgets failures older than the window.</summary>
    public async Task CountFailureAsync(string email, string address, CancellationToken ct = default)
    {
        var now = Now();
        var expired = now - options.Value.AccountWindow;
        await db.PasswordFailures.Where(f => f.AtUtc <= expired).ExecuteDeleteAsync(ct);
        db.PasswordFailures.Add(new PasswordFailure { AccountKey = Key(Normalise(email)), AddressKey = Key(address), AtUtc = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The limit for one email from everywhere: always above one address's, so one place alone never throttles the owner.</summary>
    private static int EverywhereLimit(SignInLimits limits) => Math.Max(limits.FailuresPerAccount, limits.FailuresPerAccountFromAddress + 1);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Normalise(string email) => email.Trim().ToUpperInvariant();

    private static string Key(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
