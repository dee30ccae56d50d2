namespace Upward.Core.Matching;

/// <summary>How the matcher chooses among the allocations that obey the hard rules.</summary>
public enum MatchingMode
{
    /// <summary>Most mentees matched, then the largest total weight.</summary>
    Optimal,

    /// <summary>Most mentees matched, chosen at random from a stored seed (the published pilot's method).</summary>
    Random,
}
