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
