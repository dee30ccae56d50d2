namespace Upward.Core.Matching;

/// <summary>An allocation: who mentors whom, who is left out and why, and how it was chosen.</summary>
/// <param name="Instance">The instance allocated.</param>
/// <param name="Mode">How the allocation was chosen.</param>
/// <param name="Seed">The random mode's seed; null in optimal mode.</param>
/// <param name="Assignments">The chosen pairs, in mentee input order.</param>
/// <param name="Unmatched">The mentees without a mentor, in input order, each with the reason.</param>
public sealed record MatchingSolution(
    MatchingInstance Instance,
    MatchingMode Mode,
    ulong? Seed,
    IReadOnlyList<Assignment> Assignments,
    IReadOnlyList<UnmatchedMentee> Unmatched)
{
    /// <summary>The number of mentees with a mentor.</summary>
    public int Matched => Assignments.Count;

    /// <summary>The sum of the chosen pairs' weights.</summary>
    public long TotalWeight
    {
        get
        {
            long total = 0;
            foreach (var a in Assignments)
            {
                total += a.Weight;
            }
            return total;
        }
    }
}
