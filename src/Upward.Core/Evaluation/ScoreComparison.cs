using Upward.Core.Bundles;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation;

/// <summary>One named score of one audience compared between two stages, on paired participants only.</summary>
/// <param name="Maximum">The highest possible value of the total: 5 per domain.</param>
/// <param name="Rows">One row per domain (grids) and the total last.</param>
public sealed record ScoreComparison(BundleRole Audience, string Score, BundleStage From, BundleStage To, double Maximum, IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>The total row.</summary>
    public ComparisonRow Total => Rows[^1];
}

/// <summary>
/// Before against after for one domain or the total: the engine's full comparison (medians,
/// SPSS quartiles, Wilcoxon p both ways, r), or null when there are fewer than k pairs.
/// </summary>
/// <param name="Domain">The domain's position; null for the total (or a single-scale score).</param>
public sealed record ComparisonRow(int? Domain, string Label, int Pairs, PairedComparison? Comparison)
{
    /// <summary>Fewer than k pairs: nothing but the number of pairs is shown.</summary>
    public bool Suppressed => Comparison is null;
}
