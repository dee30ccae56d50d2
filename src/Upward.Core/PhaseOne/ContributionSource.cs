namespace Upward.Core.PhaseOne;

/// <summary>
/// Who an anonymous ballot came from, as a group: the programme's mentors, or colleagues the mentee
/// invited (360° input). Ballots are opened only k at a time within one source, so a released batch
/// never mixes the two and labelling a comment "from a colleague" narrows nobody below k.
/// </summary>
public enum ContributionSource
{
    Mentor = 0,
    Colleague = 1,
}
