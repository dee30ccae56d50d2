namespace Upward.Data.PhaseOne;

/// <summary>
/// Encrypts and authenticates sealed ballots with a key the database does not hold (the web app's
/// sealing key ring, kept in a folder outside the database), so that a copy of the database cannot read a pending ballot.
/// </summary>
public interface IBallotSeal
{
    byte[] Seal(byte[] ballot);

    /// <summary>The ballot's bytes; throws <see cref="System.Security.Cryptography.CryptographicException"/> if the key is missing or the bytes were changed.</summary>
    byte[] Open(byte[] sealedBallot);
}
