using System.Globalization;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation.BoardReport;

/// <summary>
/// The report's methods, stated as the code does them: the tests and their exact variants, SPSS's
/// quartiles, the small-number rule with the programme's k, and the consent each figure rests on.
/// </summary>
public static class MethodsText
{
    public static IReadOnlyList<(string Heading, string Text)> Paragraphs(EvaluationReport report, ThemeFigures? themes)
    {
        ArgumentNullException.ThrowIfNull(report);
        int k = report.AnonymityThreshold;
        var paragraphs = new List<(string, string)>
        {
            ("Design and consent", (report.Design == AnalysisPlan.WaitlistControl
                ? "A waitlist control: the mentees were randomised from a stored seed to start now or later (half each). Everyone answered before; when those who started now answered after, those who started later answered the before questionnaire again, so their change while waiting is the comparison; then they were mentored in the same way. "
                : report.Design == AnalysisPlan.SteppedWedge
                    ? "A stepped wedge by department: whole departments were drawn from a stored seed into steps that started one after another. Everyone answered before at the start; the mentees of each later step answered the before questionnaire again when their own step started. "
                    : "One group of participants answered the same questionnaires before and after the programme. ")
            + "Each participant decided separately whether to take part, whether their answers may be used, de-identified, in the programme's evaluation, and whether they may be quoted anonymously; "
            + "the latest decision on each counts. This report uses only the answers of participants who agreed to their use, under participant codes: no names leave Upward."),

            ("Figures", "Every figure gives its n, the number of respondents or of pairs. Scores are summarised by the median and the interquartile range (IQR), "
            + "with quartiles as SPSS calculates them by default (the value at rank (n + 1)p, R’s quantile type 6); domains are scored out of 5 and totals out of 5 times the number of domains."),

            ("Tests", "Before and after are compared with the two-sided Wilcoxon signed-rank test on the participants who answered at both stages; pairs with no change are set aside and tied changes share their mean rank. "
            + "z uses the variance corrected for ties and no continuity correction, and p is its two-sided normal p: the p that SPSS reports. "
            + $"The exact p counts every arrangement of signs of the ranks (up to {ExactSignedRankTest.MaxNonZero.ToString("#,0", CultureInfo.InvariantCulture)} changed pairs). "
            + "The effect size r is z divided by the square root of the number of changed pairs. "
            + "The change is the Hodges–Lehmann estimate (the median of the averages of every two pairs’ changes) with its distribution-free 95% confidence interval; with very few pairs no interval reaches 95%, and the level it does reach is given instead, as R gives it."
            + (report.Design == AnalysisPlan.WaitlistControl
                ? " The primary outcome’s change is compared between the arms with the two-sided Mann–Whitney U test (z with the variance corrected for ties, no continuity correction, as SPSS reports it; the exact p over every assignment of the pooled mid-ranks for up to 200 people), with the Hodges–Lehmann shift (the median of every difference between a change of the first arm and one of the second) and its distribution-free interval."
                : report.Design == AnalysisPlan.SteppedWedge
                    ? " The primary outcome uses the first period's contrast only: the change of step 1's mentees while mentored (before to after) is compared with the change of the later steps' mentees while waiting (before to before again) by the same two-sided Mann–Whitney U test and Hodges–Lehmann shift as a waitlist control. A full stepped-wedge mixed model (period and department effects) is not done, and mentees are compared as individuals although departments were drawn."
                    : "")),

            ("Small numbers", $"To protect participants, no figure from fewer than {k} respondents or pairs is shown, and no group of fewer than {k} people in a breakdown; "
            + $"when only one group would be hidden, the next smallest is hidden too, so the total cannot give it away. k = {k} is the programme's setting."),
        };
        if (themes is { Rows.Count: > 0 })
        {
            paragraphs.Add(("Free text", "The programme's researchers coded the written answers to themes; Table 1 counts participants, not mentions, whose answers carried each theme at each stage. "
                + "A representative quote is shown only when its author agreed to be quoted."));
        }
        if (report.Plan is { } plan)
        {
            paragraphs.Add(("Analysis plan", plan.FixedAtUtc is { } fixedAt
                ? $"The outcomes and the test were chosen before the results existed and fixed on {fixedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, when the first answer after the intervention arrived; the plan’s SHA-256 is {plan.Sha256}. Comparisons outside the plan are exploratory."
                : $"The outcomes come from the programme’s analysis plan, which is not fixed yet (SHA-256 of the plan as it stands: {plan.Sha256}). Comparisons outside the plan are exploratory."));
        }
        return paragraphs;
    }
}
