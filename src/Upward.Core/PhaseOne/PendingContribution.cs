namespace Upward.Core.PhaseOne;

/// <summary>
/// One mentor's ballot about one mentee, sealed (encrypted, fixed length) until at least k ballots
/// about that mentee can be opened together. It holds no author and no time; the
/// <see cref="AnonymousContributor"/> record written beside it says only who has contributed.
/// See docs/decisions/anonymous-contributions.md.
/// </summary>
public sealed class PendingContribution
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }

    /// <summary>Mentors' ballots and colleagues' ballots wait, and are opened, apart.</summary>
    public ContributionSource Source { get; init; }

    /// <summary>The <see cref="SealedBallot"/> bytes, encrypted and authenticated by the application's key.</summary>
    public byte[] Sealed { get; init; } = [];
}
