namespace Upward.Core.Statistics;

/// <summary>The descriptive figures reported for one series of scores: median, three kinds of quartile, range.</summary>
/// <param name="N">How many values.</param>
/// <param name="Median">The median.</param>
/// <param name="Q1">Lower quartile as SPSS computes it by default (R type 6): the IQR an NHS paper reports.</param>
/// <param name="Q3">Upper quartile as SPSS computes it by default (R type 6).</param>
/// <param name="Q1Type7">Lower quartile as R and Excel compute it by default (type 7).</param>
/// <param name="Q3Type7">Upper quartile as R and Excel compute it by default (type 7).</param>
/// <param name="HingeLower">Tukey's lower hinge (R fivenum).</param>
/// <param name="HingeUpper">Tukey's upper hinge (R fivenum).</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record Summary(
    int N,
    double Median,
    double Q1,
    double Q3,
    double Q1Type7,
    double Q3Type7,
    double HingeLower,
    double HingeUpper,
    double Min,
    double Max)
{
    /// <summary>Summarises values already sorted ascending, so callers that have sorted once need not sort again.</summary>
    public static Summary FromSorted(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A summary needs at least one value.", nameof(sorted));
        }
        var (hingeLower, hingeUpper) = Quantiles.TukeyHinges(sorted);
        return new Summary(
            sorted.Length,
            Quantiles.Median(sorted),
            Quantiles.Spss(sorted, 0.25),
            Quantiles.Spss(sorted, 0.75),
            Quantiles.Type7(sorted, 0.25),
            Quantiles.Type7(sorted, 0.75),
            hingeLower,
            hingeUpper,
            sorted[0],
            sorted[^1]);
    }

    /// <summary>Sorts a copy of <paramref name="values"/> and summarises it.</summary>
    public static Summary Of(ReadOnlySpan<double> values)
    {
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        return FromSorted(sorted);
    }
}
