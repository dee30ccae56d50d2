namespace Upward.Core.Statistics;

/// <summary>Non-zero differences sharing one absolute value, and so one mid-rank.</summary>
/// <param name="DoubledRank">Twice the shared mid-rank: always a whole number, which the exact test needs.</param>
/// <param name="Size">How many differences share the value.</param>
/// <param name="Positives">How many of them are increases.</param>
public readonly record struct TieGroup(long DoubledRank, int Size, int Positives)
{
    /// <summary>The mid-rank shared by the group.</summary>
    public double MidRank => DoubledRank / 2.0;
}
