namespace Upward.Core.Statistics;

/// <summary>
/// A Hodges–Lehmann estimate with its distribution-free confidence interval (Hollander and Wolfe),
/// as R's <c>wilcox.test(..., conf.int = TRUE)</c> gives it in its exact branch.
/// </summary>
/// <param name="Estimate">The median of the Walsh averages (paired) or of all differences a − b (two groups).</param>
/// <param name="Lower">Lower end of the interval: an order statistic of the same averages or differences.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="ConfLevel">The confidence level asked for.</param>
/// <param name="AchievedConfLevel">The level the interval has under the untied null distribution; ranks are discrete, so it differs from <paramref name="ConfLevel"/>.</param>
public sealed record HodgesLehmann(double Estimate, double Lower, double Upper, double ConfLevel, double AchievedConfLevel)
{
    /// <summary>The level used when none is asked for.</summary>
    public const double DefaultConfLevel = 0.95;

    /// <summary>Refuses a confidence level that is not strictly between 0 and 1.</summary>
    public static void RequireConfLevel(double confLevel)
    {
        if (!(confLevel > 0 && confLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confLevel), confLevel, "A confidence level lies strictly between 0 and 1.");
        }
    }

    /// <summary>
    /// Builds the estimate and interval from the Walsh averages or the differences
    /// and the order statistic q that R's <c>qsignrank</c> or <c>qwilcox</c> gave.
    /// </summary>
    internal static HodgesLehmann FromOrdered(WeightedValues ordered, int q, double confLevel, double achievedConfLevel) =>
        new(ordered.Median(), ordered.At(q), ordered.At(ordered.Count - q + 1), confLevel, achievedConfLevel);

    /// <summary>α/2 with R's fuzz: its quantile functions look for P ≥ α/2 − 10ε, so a cumulative probability that meets α/2 only up to rounding still counts.</summary>
    internal static double LowerTailTarget(double confLevel) => (1 - confLevel) / 2 - 10 * DoubleEpsilon;

    // C's DBL_EPSILON, 2⁻⁵² (.NET's double.Epsilon is the smallest subnormal instead).
    private const double DoubleEpsilon = 2.220446049250313e-16;
}
