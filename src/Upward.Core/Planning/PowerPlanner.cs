using Upward.Core.Matching;
using Upward.Core.Statistics;

namespace Upward.Core.Planning;

/// <summary>
/// How many people an evaluation needs, by seeded simulation of the test the report will run: the
/// Wilcoxon signed-rank test on paired changes, or the Mann–Whitney test between two equal arms,
/// with SPSS's asymptotic p (the report's headline p) below α counting as a detection.
/// </summary>
/// <remarks>
/// Scores are simulated as normal with the standardised effect as the shift, so the answer is close
/// to the textbook one for a t-test divided by the rank tests' efficiency (0.955). Each size draws its
/// data sets from its own stream derived from the seed and the size alone, so the power at a size is
/// the same whichever sizes were tried before it, and the same seed always gives the same plan. The
/// search doubles the size until the target is reached and then bisects; simulated power wobbles by
/// about ±1.5 points at 1000 runs, so a neighbouring size may sit either side of the target.
/// </remarks>
public static class PowerPlanner
{
    /// <summary>Data sets simulated at each size.</summary>
    public const int Runs = 1000;

    /// <summary>The largest size tried: pairs for a paired design, people per arm for two arms.</summary>
    public const int MaxPeople = 1000;

    /// <summary>The smallest size tried: the rank tests say nothing with fewer.</summary>
    public const int MinPeople = 2;

    /// <summary>Finds the fewest people whose simulated power reaches <paramref name="targetPower"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range the planner accepts.</exception>
    public static PowerPlan Plan(PowerDesign design, double effect, double alpha, double targetPower, ulong seed)
    {
        Check(effect, alpha, targetPower);
        if (!Enum.IsDefined(design))
        {
            throw new ArgumentOutOfRangeException(nameof(design), design, "Unknown design.");
        }
        int low = MinPeople - 1;   // the largest size known to fall short (none yet)
        int high = MinPeople;
        double powerAtHigh = Power(design, high, effect, alpha, seed);
        while (powerAtHigh < targetPower)
        {
            if (high == MaxPeople)
            {
                return new PowerPlan(design, effect, alpha, targetPower, seed, Runs, null, powerAtHigh);
            }
            low = high;
            high = Math.Min(MaxPeople, high * 2);
            powerAtHigh = Power(design, high, effect, alpha, seed);
        }
        while (high - low > 1)
        {
            int middle = low + (high - low) / 2;
            double power = Power(design, middle, effect, alpha, seed);
            if (power >= targetPower)
            {
                (high, powerAtHigh) = (middle, power);
            }
            else
            {
                low = middle;
            }
        }
        return new PowerPlan(design, effect, alpha, targetPower, seed, Runs, high, powerAtHigh);
    }

    /// <summary>The simulated power with <paramref name="people"/> pairs (paired) or people in each arm (two arms).</summary>
    public static double Power(PowerDesign design, int people, double effect, double alpha, ulong seed)
    {
        Check(effect, alpha, 0.5);
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(people, MaxPeople);
        // A stream for this size alone: mixing the size into the seed through SplitMix64 itself.
        var random = new SplitMix64(new SplitMix64(seed ^ (0x9E3779B97F4A7C15UL * (ulong)people)).Next());
        int detected = 0;
        var first = new double[people];
        var second = new double[people];
        for (int run = 0; run < Runs; run++)
        {
            double p;
            if (design == PowerDesign.Paired)
            {
                for (int i = 0; i < people; i++)
                {
                    first[i] = effect + Normal(ref random);
                }
                Array.Sort(first);
                p = WilcoxonSignedRankTest.AsymptoticP(SignedRanks.FromSortedDifferences(first));
            }
            else
            {
                for (int i = 0; i < people; i++)
                {
                    first[i] = effect + Normal(ref random);
                    second[i] = Normal(ref random);
                }
                Array.Sort(first);
                Array.Sort(second);
                p = MannWhitneyTest.AsymptoticP(PooledRanks.FromSorted(first, second));
            }
            if (p < alpha)
            {
                detected++;
            }
        }
        return (double)detected / Runs;
    }

    private static void Check(double effect, double alpha, double targetPower)
    {
        if (!(effect >= 0.1 && effect <= 5))
        {
            throw new ArgumentOutOfRangeException(nameof(effect), effect, "The effect must be between 0.1 and 5 standard deviations.");
        }
        if (!(alpha > 0 && alpha < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be above 0 and below 0.5.");
        }
        if (!(targetPower > 0 && targetPower < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(targetPower), targetPower, "The power must be above 0 and below 1.");
        }
    }

    // A standard normal variate by the Box–Muller transform from two 53-bit uniforms, the first in (0, 1].
    private static double Normal(ref SplitMix64 random)
    {
        double u1 = ((random.Next() >> 11) + 1) * (1.0 / (1UL << 53));
        double u2 = (random.Next() >> 11) * (1.0 / (1UL << 53));
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
