using Upward.Core.Bundles;

namespace Upward.Core.Evaluation;

/// <summary>
/// A programme's evaluation, the last step of the published method: the cohort, every questionnaire's figures,
/// before/after comparisons of each named score, sessions and willingness. Every number comes from
/// the statistics engine and every figure carries its n.
/// </summary>
/// <param name="AnonymityThreshold">k: figures from fewer than k respondents, and breakdown cells under k, are suppressed.</param>
/// <param name="Domains">Domain names in position order.</param>
public sealed record EvaluationReport(
    string ProgrammeName,
    int AnonymityThreshold,
    IReadOnlyList<BundleDomain> Domains,
    IReadOnlyList<CohortFigures> Cohort,
    WillingnessFigures? Willingness,
    SessionFigures Sessions,
    IReadOnlyList<InstrumentFigures> Questionnaires,
    IReadOnlyList<ScoreComparison> Comparisons)
{
    /// <summary>Table 1 of the content analysis, when the bundle carries a codebook; otherwise null.</summary>
    public ThemeFigures? Themes { get; init; }

    /// <summary>What the evaluation set out to answer, primary first; the template's (the study's) unless the programme chose its own.</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>The programme's analysis plan behind the outcomes, when the report comes from a programme; null from a bundle alone.</summary>
    public AnalysisPlanStamp? Plan { get; init; }

    /// <summary>The design the report answers for: <see cref="AnalysisPlan.SingleGroupBeforeAfter"/> unless the plan says otherwise.</summary>
    public string Design { get; init; } = AnalysisPlan.SingleGroupBeforeAfter;

    /// <summary>For a waitlist control, the primary outcome's change compared between arms; otherwise null.</summary>
    public WaitlistFigures? Waitlist { get; init; }

    /// <summary>For a stepped wedge, the first period's comparison of the primary outcome and each step's results; otherwise null.</summary>
    public SteppedWedgeFigures? SteppedWedge { get; init; }

    /// <summary>Builds the report from a bundle, in memory, grouping the answers once.</summary>
    public static EvaluationReport Build(ResearchBundle bundle) => new EvaluationBuilder(bundle).Build();

    /// <summary>
    /// Builds the report for a programme's analysis plan: its outcomes lead the summary and, for a
    /// waitlist control, the primary outcome is compared between the arms given by participant code.
    /// </summary>
    public static EvaluationReport Build(ResearchBundle bundle, AnalysisPlan plan, IReadOnlyDictionary<string, Designs.Arm> arms) =>
        Build(bundle, plan, arms, new Dictionary<string, int>());

    /// <summary>
    /// As above; for a stepped wedge <paramref name="steps"/> gives each drawn mentee's step by
    /// participant code (its first period's arms follow from the steps, so <paramref name="arms"/> is not read).
    /// </summary>
    public static EvaluationReport Build(ResearchBundle bundle, AnalysisPlan plan, IReadOnlyDictionary<string, Designs.Arm> arms, IReadOnlyDictionary<string, int> steps)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(steps);
        var builder = new EvaluationBuilder(bundle);
        var report = builder.Build() with { Outcomes = plan.Outcomes, Design = plan.Design };
        if (plan.IsWaitlist) return report with { Waitlist = builder.Waitlist(plan.Primary, arms) };
        if (plan.IsSteppedWedge && builder.SteppedWedge(plan.Primary, steps) is { } wedge)
        {
            return report with { SteppedWedge = wedge };
        }
        return report;
    }
}
