using System.Security.Cryptography;
using System.Text;

namespace Upward.Core.Sessions;

/// <summary>
/// A person's private calendar subscription: a secret address their calendar app polls for their
/// sessions. Only a hash of the secret is kept, so a copy of the database cannot be used to read
/// anyone's calendar; the person can replace or revoke the address at any time.
/// </summary>
public sealed class CalendarFeed
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid UserId { get; init; }

    /// <summary>SHA-256 of the secret, in lowercase hex.</summary>
    public required string TokenHash { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>A new secret (256 random bits, URL-safe) and the hash to store.</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
