using System.Globalization;

namespace Upward.Core.Statistics;

/// <summary>A count out of a total, as in "4 out of 6 (66.7%)", with its Wilson score interval.</summary>
public readonly record struct Proportion
{
    /// <summary>The normal quantile for a two-sided 95% interval, Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Creates a proportion, checking that the count lies between 0 and the total.</summary>
    public Proportion(int count, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        Count = count;
        Total = total;
    }

    /// <summary>How many had the property.</summary>
    public int Count { get; }

    /// <summary>How many could have had it.</summary>
    public int Total { get; }

    /// <summary>Count ÷ total; undefined (NaN) when the total is zero.</summary>
    public double Value => Total == 0 ? double.NaN : (double)Count / Total;

    /// <summary>The percentage to one decimal place, halves rounded away from zero as papers do; null when the total is zero.</summary>
    public decimal? Percentage =>
        // decimal holds 100·count/total to 28 digits, so 1/8 = 12.5% and 1/16 = 6.25% round as a reader expects.
        Total == 0 ? null : Math.Round(100m * Count / Total, 1, MidpointRounding.AwayFromZero);

    /// <summary>The Wilson score interval at 95% confidence.</summary>
    public ConfidenceInterval Wilson95() => Wilson(Z95);

    /// <summary>The Wilson score interval for a given normal quantile <paramref name="z"/>.</summary>
    /// <remarks>Preferred to the Wald interval because it stays inside [0, 1] and behaves at 0 and at the total.</remarks>
    /// <exception cref="InvalidOperationException">The total is zero, so there is nothing to estimate.</exception>
    public ConfidenceInterval Wilson(double z)
    {
        if (Total == 0)
        {
            throw new InvalidOperationException("A proportion of nobody has no confidence interval.");
        }
        double n = Total;
        double p = Value;
        double zSquaredOverN = z * z / n;
        double centre = (p + zSquaredOverN / 2) / (1 + zSquaredOverN);
        double halfWidth = z / (1 + zSquaredOverN) * Math.Sqrt(p * (1 - p) / n + zSquaredOverN / (4 * n));
        // At 0 and at the total the exact limit is 0 or 1; rounding must not push it past.
        double lower = Count == 0 ? 0 : Math.Max(0, centre - halfWidth);
        double upper = Count == Total ? 1 : Math.Min(1, centre + halfWidth);
        return new ConfidenceInterval(lower, upper);
    }

    /// <summary>"4 out of 6 (66.7%)": UK English, thousands separated by commas as GOV.UK style asks.</summary>
    public override string ToString() =>
        Total == 0
            ? "0 out of 0"
            // The invariant culture writes numbers exactly as en-GB does ("1,234", "66.7") without
            // depending on the host's culture data being installed.
            : string.Format(CultureInfo.InvariantCulture, "{0:N0} out of {1:N0} ({2:0.0}%)", Count, Total, Percentage);
}
