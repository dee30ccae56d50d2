namespace Upward.Data.Identity;

/// <summary>
/// One wrong password, kept for the throttle's window so that every instance of Upward counts the same
/// failures (an instance's own memory would give a guesser spread over n instances n times the budget).
/// </summary>
/// <remarks>
/// The email and client address are kept only as SHA-256 digests: the throttle needs to compare them,
/// not read them, and an email typed by mistake (or someone else's) is not stored in the clear. Rows
/// older than the window are deleted as new ones are written.
/// </remarks>
public sealed class PasswordFailure
{
    public long Id { get; init; }

    /// <summary>SHA-256 (hex) of the email as typed, trimmed and upper-cased.</summary>
    public required string AccountKey { get; init; }

    /// <summary>SHA-256 (hex) of the client address.</summary>
    public required string AddressKey { get; init; }

    public DateTime AtUtc { get; init; }
}
