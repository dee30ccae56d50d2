using Upward.Core.Bundles;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation;

/// <summary>Who took part on one side: how many, how many withdrew, and banded demographics.</summary>
/// <param name="AgeRange">From the lowest to the highest age band given, for example "31 to 40 years"; null when suppressed or none given.</param>
/// <param name="PriorMentoring">"Yes" out of those who answered yes or no; null when suppressed or nobody answered.</param>
public sealed record CohortFigures(
    BundleRole Role,
    int Participants,
    int Withdrawn,
    IReadOnlyList<Breakdown> Breakdowns,
    string? AgeRange,
    int AgeRangeRespondents,
    Proportion? PriorMentoring);

/// <summary>Participants by the bands of one demographic question.</summary>
/// <param name="Total">Everyone on that side, "not given" included.</param>
public sealed record Breakdown(string Key, string Label, int Total, IReadOnlyList<BreakdownCell> Cells)
{
    /// <summary>True when every cell is suppressed, so nothing of the breakdown can be shown.</summary>
    public bool Suppressed => Cells.All(c => c.Suppressed);
}

/// <summary>One band of a breakdown; <see cref="Count"/> is null when the cell is suppressed.</summary>
public sealed record BreakdownCell(string Band, int? Count, Proportion? Share)
{
    /// <summary>Whether the count is hidden because it is under k (or would reveal a cell that is).</summary>
    public bool Suppressed => Count is null;
}
