namespace Upward.Core.Statistics;

/// <summary>
/// The Wilcoxon signed-rank test on paired differences, with every figure SPSS and R report,
/// plus the exact p, two effect sizes and the sign test.
/// </summary>
/// <param name="WPlus">Sum of the ranks of the increases (R's V).</param>
/// <param name="WMinus">Sum of the ranks of the decreases.</param>
/// <param name="Z">(W₊ − μ)/σ with the tie-corrected σ and no continuity correction (SPSS's Z, signed); null when σ = 0.</param>
/// <param name="PAsymptotic">Two-sided normal p from <paramref name="Z"/>: the p SPSS and the published study report.</param>
/// <param name="ZContinuityCorrected">Z with R's continuity correction of ½ towards the mean.</param>
/// <param name="PAsymptoticContinuityCorrected">Two-sided normal p from <paramref name="ZContinuityCorrected"/> (R's wilcox.test with correct = TRUE).</param>
/// <param name="PExact">Exact two-sided p over all sign assignments of the mid-ranks; null above <see cref="ExactSignedRankTest.MaxNonZero"/> non-zero differences.</param>
/// <param name="R">Effect size z/√n on the correlation scale; null when Z is.</param>
/// <param name="RankBiserial">Matched-pairs rank-biserial correlation (W₊ − W₋)/(W₊ + W₋).</param>
/// <param name="PSign">Exact two-sided sign test p.</param>
public sealed record WilcoxonSignedRankTest(
    double WPlus,
    double WMinus,
    double? Z,
    double? PAsymptotic,
    double? ZContinuityCorrected,
    double? PAsymptoticContinuityCorrected,
    double? PExact,
    double? R,
    double RankBiserial,
    double PSign)
{
    /// <summary>Runs the test on ranked differences; null when every difference is zero (there is nothing to test).</summary>
    public static WilcoxonSignedRankTest? Run(SignedRanks ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        int n = ranks.NonZero;
        if (n == 0)
        {
            return null;
        }
        var (shift, sigma) = Moments(ranks);

        double? z = null, p = null, zCorrected = null, pCorrected = null, r = null;
        if (sigma > 0)
        {
            z = shift / sigma;
            p = NormalDistribution.TwoSidedP(z.Value);
            // R moves W₊ half a unit towards the mean; when W₊ is the mean there is nothing to move.
            zCorrected = (shift - 0.5 * Math.Sign(shift)) / sigma;
            pCorrected = NormalDistribution.TwoSidedP(zCorrected.Value);
            r = z / Math.Sqrt(n);
        }

        return new WilcoxonSignedRankTest(
            ranks.WPlus,
            ranks.WMinus,
            z,
            p,
            zCorrected,
            pCorrected,
            ExactSignedRankTest.TwoSidedP(ranks),
            r,
            (ranks.WPlus - ranks.WMinus) / (ranks.WPlus + ranks.WMinus),
            SignTest.TwoSidedP(ranks.Positive, ranks.Negative));
    }

    /// <summary>SPSS's two-sided p alone, without the exact p and the rest: for simulations that run the test thousands of times.</summary>
    internal static double AsymptoticP(SignedRanks ranks)
    {
        var (shift, sigma) = Moments(ranks);
        return sigma > 0 ? NormalDistribution.TwoSidedP(shift / sigma) : 1;
    }

    // W₊ − μ and the tie-corrected σ.
    private static (double Shift, double Sigma) Moments(SignedRanks ranks)
    {
        int n = ranks.NonZero;
        double mean = n * (n + 1.0) / 4;
        double variance = n * (n + 1.0) * (2.0 * n + 1) / 24 - ranks.TieCorrection / 48;
        return (ranks.WPlus - mean, Math.Sqrt(Math.Max(0, variance)));
    }
}
