using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Upward.Data;

namespace Upward.Data.Identity;

/// <summary>
/// Issues and redeems the one-time link that creates the first administrator, so that Upward
/// never ships with a default password.
/// </summary>
public sealed class SetupLinks(UpwardDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>True while nobody can sign in: the only time a set-up link works.</summary>
    public async Task<bool> IsSetupNeededAsync(CancellationToken ct = default) => !await db.Users.AnyAsync(ct);

    /// <summary>Creates a fresh token (earlier unused ones stop working) and returns it in clear, once.</summary>
    public async Task<string> IssueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SetupTokens.Where(t => t.UsedAtUtc == null).ExecuteDeleteAsync(ct);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.SetupTokens.Add(new SetupToken { TokenHash = Hash(token), CreatedAtUtc = now, ExpiresAtUtc = now + Lifetime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The stored token for a link, if it is unused, unexpired and set-up is still needed.</summary>
    public async Task<SetupToken?> FindValidAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100 || !await IsSetupNeededAsync(ct))
        {
            return null;
        }
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.SetupTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        return stored is { UsedAtUtc: null } && stored.ExpiresAtUtc > now ? stored : null;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
