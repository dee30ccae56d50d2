namespace Upward.Core.Statistics;

/// <summary>
/// The Wilcoxon rank-sum (Mann–Whitney U) test of two independent groups, with the figures SPSS and
/// R report, the exact p with ties and two effect sizes (docs/formats/stats-two-sample.md).
/// </summary>
/// <param name="UA">U for group a: R_a − n_a(n_a + 1)/2 (R's W for <c>wilcox.test(a, b)</c>).</param>
/// <param name="UB">U for group b: n_a·n_b − U_a.</param>
/// <param name="Z">(U_a − n_a·n_b/2)/σ with the tie-corrected σ, no continuity correction; positive when a tends to be larger (SPSS prints −|z|).</param>
/// <param name="PAsymptotic">Two-sided normal p from <paramref name="Z"/>: SPSS's "Asymp. Sig. (2-tailed)".</param>
/// <param name="ZContinuityCorrected">Z with R's continuity correction of ½ towards the mean.</param>
/// <param name="PAsymptoticContinuityCorrected">Two-sided normal p from <paramref name="ZContinuityCorrected"/> (R's default).</param>
/// <param name="PExact">Exact two-sided p over every choice of group a's mid-ranks; null above <see cref="ExactRankSumTest.MaxTotal"/> values.</param>
/// <param name="R">Effect size z/√N.</param>
/// <param name="RankBiserial">(U_a − U_b)/(n_a·n_b): the share of pairs where a is larger minus the share where b is.</param>
public sealed record MannWhitneyTest(
    double UA,
    double UB,
    double Z,
    double PAsymptotic,
    double ZContinuityCorrected,
    double PAsymptoticContinuityCorrected,
    double? PExact,
    double R,
    double RankBiserial)
{
    /// <summary>Runs the test; null when every value in both groups is the same (σ = 0: there is nothing to test).</summary>
    public static MannWhitneyTest? Run(PooledRanks ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        double na = ranks.SizeA;
        double nb = ranks.SizeB;
        double total = ranks.Total;
        double uA = ranks.DoubledRankSumA / 2.0 - na * (na + 1) / 2;
        double pairs = na * nb;
        double uB = pairs - uA;
        double variance = pairs / 12 * (total + 1 - ranks.TieCorrection / (total * (total - 1)));
        if (!(variance > 0))
        {
            return null;
        }
        double sigma = Math.Sqrt(variance);
        double shift = uA - pairs / 2;
        double z = shift / sigma;
        // R moves U half a unit towards the mean; when U is the mean there is nothing to move.
        double zCorrected = (shift - 0.5 * Math.Sign(shift)) / sigma;
        return new MannWhitneyTest(
            uA,
            uB,
            z,
            NormalDistribution.TwoSidedP(z),
            zCorrected,
            NormalDistribution.TwoSidedP(zCorrected),
            ExactRankSumTest.TwoSidedP(ranks),
            z / Math.Sqrt(total),
            (uA - uB) / pairs);
    }

    /// <summary>SPSS's two-sided p alone, without the exact p and the rest: for simulations that run the test thousands of times.</summary>
    internal static double AsymptoticP(PooledRanks ranks)
    {
        double na = ranks.SizeA;
        double nb = ranks.SizeB;
        double total = ranks.Total;
        double uA = ranks.DoubledRankSumA / 2.0 - na * (na + 1) / 2;
        double variance = na * nb / 12 * (total + 1 - ranks.TieCorrection / (total * (total - 1)));
        return variance > 0 ? NormalDistribution.TwoSidedP((uA - na * nb / 2) / Math.Sqrt(variance)) : 1;
    }
}
