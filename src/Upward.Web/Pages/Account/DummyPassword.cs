using Microsoft.AspNetCore.Identity;
using Upward.Data.Identity;

namespace Upward.Web.Pages.Account;

/// <summary>
/// Checks a password against a hash no one has, with the same hasher and cost as real accounts, so
/// that trying an unknown email takes as long as a wrong password for a known one.
/// </summary>
public sealed class DummyPassword(IPasswordHasher<UpwardUser> hasher)
{
    private static readonly UpwardUser Nobody = new() { UserName = "nobody", Email = "nobody@invalid", DisplayName = "Nobody" };
    // Made once per process: hashing is the slow part, and every request's hasher has the same settings.
    private static string? _hash;

    public void Check(string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
