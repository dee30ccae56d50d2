using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Upward.Web.Pages.Account;

/// <summary>
/// Counts wrong passwords per email (as typed, known or not) from one client address and from all
/// addresses together, and says when either count has reached its limit (see <see cref="SignInLimits"/>).
/// Right passwords are not counted. Kept in memory: a restart forgets the counts, which only helps a
/// guesser by one window's worth of attempts.
/// </summary>
public sealed class PasswordThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _fromAddress;
    private readonly PartitionedRateLimiter<string> _everywhere;

    public PasswordThrottle(IOptions<SignInLimits> options)
    {
        var limits = options.Value;
        _fromAddress = Limiter(limits.FailuresPerAccountFromAddress, limits.AccountWindow);
        _everywhere = Limiter(Math.Max(limits.FailuresPerAccount, limits.FailuresPerAccountFromAddress + 1), limits.AccountWindow);
    }

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        }));

    /// <summary>True when more wrong passwords for this email from this address must wait.</summary>
    public bool IsThrottled(string email, string address)
    {
        var key = Normalise(email);
        return Available(_fromAddress, $"{key}|{address}") == 0 || Available(_everywhere, key) == 0;
    }

    /// <summary>Counts one wrong password for this email from this address.</summary>
    public void CountFailure(string email, string address)
    {
        var key = Normalise(email);
        _fromAddress.AttemptAcquire($"{key}|{address}").Dispose();
        _everywhere.AttemptAcquire(key).Dispose();
    }

    private static long Available(PartitionedRateLimiter<string> limiter, string key) =>
        limiter.GetStatistics(key)?.CurrentAvailablePermits ?? 1;

    private static string Normalise(string email) => email.Trim().ToUpperInvariant();

    public void Dispose()
    {
        _fromAddress.Dispose();
        _everywhere.Dispose();
    }
}
