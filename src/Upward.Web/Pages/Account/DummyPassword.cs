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
    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString()));

    public void Check(string password) => hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
