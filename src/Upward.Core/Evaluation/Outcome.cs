using Upward.Core.Bundles;

namespace Upward.Core.Evaluation;

/// <summary>
/// A question the evaluation answers: one named score of one audience, compared between two stages.
/// Primary outcomes lead the report; secondary ones follow them in its summary.
/// </summary>
public sealed record Outcome(BundleRole Audience, string Score, BundleStage From, BundleStage To, bool Primary)
{
    /// <summary>
    /// The template's outcomes, the study's: in the two-phase programme, mentors' confidence in giving
    /// feedback from before phase 1 to after phase 2 (the published 23 → 29 out of 35), then mentees'
    /// awareness across the one-to-one and mentors' ability; in a one-phase programme the same scores
    /// from before to after. Chosen from the stages the bundle measured.
    /// </summary>
    public static IReadOnlyList<Outcome> Defaults(IReadOnlyCollection<BundleStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Contains(BundleStage.BeforePhase1) && stages.Contains(BundleStage.AfterPhase2))
        {
            return
            [
                new(BundleRole.Mentor, "confidence", BundleStage.BeforePhase1, BundleStage.AfterPhase2, Primary: true),
                new(BundleRole.Mentee, "awareness", BundleStage.BeforePhase2, BundleStage.AfterPhase2, Primary: false),
                new(BundleRole.Mentor, "ability", BundleStage.BeforePhase1, BundleStage.AfterPhase2, Primary: false),
            ];
        }
        return
        [
            new(BundleRole.Mentor, "confidence", BundleStage.Before, BundleStage.After, Primary: true),
            new(BundleRole.Mentee, "awareness", BundleStage.Before, BundleStage.After, Primary: false),
        ];
    }

    public bool Matches(ScoreComparison comparison) =>
        comparison.Audience == Audience && comparison.Score == Score && comparison.From == From && comparison.To == To;
}
