using System.Globalization;
using Upward.Core.Bundles;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation;

/// <summary>How the report writes its figures in words: UK English, numbers as a paper prints them.</summary>
public static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A score or minutes: whole numbers plain, others to at most two decimals ("21.5", "1.75").</summary>
    public static string Number(double value) => value.ToString("#,0.##", Invariant);

    /// <summary>"21.5 (IQR 20–25)": median with SPSS quartiles.</summary>
    public static string MedianIqr(Summary summary) =>
        $"{Number(summary.Median)} (IQR {Number(summary.Q1)}–{Number(summary.Q3)})";

    /// <summary>A p value to three decimals as the study prints it ("0.043"), "&lt; 0.001" below that, a dash when there is none.</summary>
    public static string P(double? p) => p switch
    {
        null => "–",
        < 0.001 => "< 0.001",
        double value => value.ToString("0.000", Invariant),
    };

    /// <summary>An exact p to four decimals ("0.0625"), "&lt; 0.0001" below that.</summary>
    public static string ExactP(double? p) => p switch
    {
        null => "–",
        < 0.0001 => "< 0.0001",
        double value => value.ToString("0.0###", Invariant),
    };

    /// <summary>
    /// A Hodges–Lehmann estimate with its interval, "+6 (95% CI +3 to +9)", signed because it is a
    /// change; a dash when there is none (no pair changed, or more than 1,000 did).
    /// </summary>
    public static string Change(HodgesLehmann? estimate) => estimate switch
    {
        null => "–",
        // One changed pair: the interval is the estimate itself and covers nothing.
        _ when StatedLevel(estimate) <= 0 => $"{Signed(estimate.Estimate)} (one changed pair: no interval)",
        _ => $"{Signed(estimate.Estimate)} ({Level(StatedLevel(estimate))} CI {Signed(estimate.Lower)} to {Signed(estimate.Upper)})",
    };

    /// <summary>
    /// The level to print beside an interval: the one asked for, unless the interval falls short of it
    /// by more than half of α, when R's wilcox.test says "requested conf.level not achievable" and
    /// prints 1 − (achieved α to two significant figures). With four pairs no interval reaches 95%
    /// (the best is 87.5%), and calling it a 95% interval would mislead.
    /// </summary>
    public static double StatedLevel(HodgesLehmann estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        double alpha = 1 - estimate.ConfLevel;
        double achievedAlpha = 1 - estimate.AchievedConfLevel;
        if (achievedAlpha - alpha <= alpha / 2)
        {
            return estimate.ConfLevel;
        }
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(achievedAlpha)) - 1);
        return 1 - Math.Round(achievedAlpha / magnitude) * magnitude;
    }

    // "+1.5", "−2", "0": a change with its sign, and a true minus sign for screen readers and print.
    private static string Signed(double value) => value switch
    {
        > 0 => "+" + Number(value),
        < 0 => "−" + Number(-value),
        _ => "0",
    };

    // "95%" from 0.95, without a spurious ".0".
    private static string Level(double confLevel) => (confLevel * 100).ToString("0.##", Invariant) + "%";

    /// <summary>An effect size to two decimals.</summary>
    public static string Effect(double? r) => r is double value ? value.ToString("0.00", Invariant) : "–";

    /// <summary>"mentors" or "mentees".</summary>
    public static string Plural(BundleRole role) => role == BundleRole.Mentor ? "mentors" : "mentees";

    /// <summary>"Mentors" or "Mentees".</summary>
    public static string PluralTitle(BundleRole role) => role == BundleRole.Mentor ? "Mentors" : "Mentees";

    /// <summary>"too short", "about right", "too long".</summary>
    public static string Describe(TimeFelt felt) => BundleNames.Of(felt).Replace('_', ' ');

    /// <summary>The suppression notice: "fewer than 3 respondents".</summary>
    public static string FewerThan(int k) => $"fewer than {k} respondents";
}
