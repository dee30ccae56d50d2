using System.Security.Cryptography;
using System.Text;

namespace Upward.Web.Pages.People;

/// <summary>Random link tokens and the hash under which they are stored.</summary>
public static class InvitationTokens
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
