namespace Upward.Web.Pages.Account;

/// <summary>
/// Configuration section "Upward:SignInLimits": how fast anyone may try passwords.
/// <para>
/// Why throttling rather than Identity's lockout: locking an account after five wrong passwords
/// lets anyone who knows a colleague's email lock them out at will, from anywhere. Instead, wrong
/// passwords for one email <em>from one client address</em> are limited (that place only slows
/// itself), with a higher limit for one email from everywhere together that no single address can
/// reach on its own (so the owner elsewhere is unaffected unless many places attack at once), and
/// every account form is limited per client address. The limits are by the email as typed, so
/// known and unknown emails are treated the same and the response reveals nothing.
/// </para>
/// </summary>
public sealed class SignInLimits
{
    public const string Section = "Upward:SignInLimits";

    /// <summary>Posts to the account forms (sign-in, forgotten password, reset) per client address per <see cref="AddressWindow"/>.</summary>
    public int PostsPerAddress { get; set; } = 60;
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong passwords for one email from one client address per <see cref="AccountWindow"/>.</summary>
    public int FailuresPerAccountFromAddress { get; set; } = 10;

    /// <summary>
    /// Wrong passwords for one email from all addresses per <see cref="AccountWindow"/>. Must stay above
    /// <see cref="FailuresPerAccountFromAddress"/>, so that one place alone never throttles the owner.
    /// </summary>
    public int FailuresPerAccount { get; set; } = 40;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(15);
}
