namespace Upward.Core.Statistics;

/// <summary>
/// A sorted multiset held as distinct values with how often each occurs, so that order statistics of
/// the n(n + 1)/2 Walsh averages or the m·n differences cost as many steps as there are distinct
/// values, not as many as there are averages. Questionnaire scores are heavily tied: changes in a
/// total out of 35 take at most 69 values, so 500,500 Walsh averages become at most 2,415 entries.
/// The values are formed exactly as a full listing would form them, so every order statistic is
/// the same number.
/// </summary>
internal sealed class WeightedValues
{
    private readonly double[] _values;
    private readonly long[] _cumulative;   // _cumulative[i] = how many values are ≤ _values[i]

    private WeightedValues(double[] values, long[] cumulative)
    {
        _values = values;
        _cumulative = cumulative;
    }

    /// <summary>How many values in all, counting repeats.</summary>
    public long Count => _cumulative.Length == 0 ? 0 : _cumulative[^1];

    /// <summary>The rank-th smallest value, rank counted from 1.</summary>
    public double At(long rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, Count);
        int index = Array.BinarySearch(_cumulative, rank);
        return _values[index >= 0 ? index : ~index];
    }

    /// <summary>The median, averaging the two middle values as <see cref="Quantiles.Median"/> does.</summary>
    public double Median()
    {
        long count = Count;
        long half = count / 2;
        return count % 2 == 1 ? At(half + 1) : Quantiles.Midpoint(At(half), At(half + 1));
    }

    /// <summary>The Walsh averages (d_i + d_j)/2, i ≤ j, of values sorted ascending.</summary>
    public static WeightedValues WalshAverages(ReadOnlySpan<double> sorted)
    {
        var (distinct, counts) = Distinct(sorted);
        int size = distinct.Length * (distinct.Length + 1) / 2;
        var values = new double[size];
        var weights = new long[size];
        int next = 0;
        for (int i = 0; i < distinct.Length; i++)
        {
            // Pairs within one value: c(c + 1)/2 of them; across two values: every combination.
            values[next] = (distinct[i] + distinct[i]) / 2;
            weights[next++] = counts[i] * (counts[i] + 1) / 2;
            for (int j = i + 1; j < distinct.Length; j++)
            {
                values[next] = (distinct[i] + distinct[j]) / 2;
                weights[next++] = counts[i] * counts[j];
            }
        }
        return FromEntries(values, weights);
    }

    /// <summary>Every difference a_i − b_j, each group in any order.</summary>
    /// <exception cref="ArgumentException">A difference is too large to represent.</exception>
    public static WeightedValues Differences(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double[] sortedA = a.ToArray();
        double[] sortedB = b.ToArray();
        Array.Sort(sortedA);
        Array.Sort(sortedB);
        var (valuesA, countsA) = Distinct(sortedA);
        var (valuesB, countsB) = Distinct(sortedB);
        var values = new double[valuesA.Length * valuesB.Length];
        var weights = new long[values.Length];
        int next = 0;
        for (int i = 0; i < valuesA.Length; i++)
        {
            for (int j = 0; j < valuesB.Length; j++)
            {
                double difference = valuesA[i] - valuesB[j];
                if (!double.IsFinite(difference))
                {
                    throw new ArgumentException($"The difference {valuesA[i]} − {valuesB[j]} is too large to represent.", nameof(a));
                }
                values[next] = difference;
                weights[next++] = countsA[i] * countsB[j];
            }
        }
        return FromEntries(values, weights);
    }

    // Sorts the values (carrying their weights along) and turns the weights into running totals, in place.
    private static WeightedValues FromEntries(double[] values, long[] weights)
    {
        Array.Sort(values, weights);
        long running = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            running += weights[i];
            weights[i] = running;
        }
        return new WeightedValues(values, weights);
    }

    private static (double[] Values, long[] Counts) Distinct(ReadOnlySpan<double> sorted)
    {
        var values = new List<double>();
        var counts = new List<long>();
        foreach (double value in sorted)
        {
            if (values.Count > 0 && values[^1] == value)
            {
                counts[^1]++;
            }
            else
            {
                values.Add(value);
                counts.Add(1);
            }
        }
        return ([.. values], [.. counts]);
    }
}
