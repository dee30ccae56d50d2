using Upward.Core.Bundles;
using Upward.Core.Designs;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation;

/// <summary>
/// The comparison that answers a waitlist control's question: each mentee's change in the primary
/// outcome — for the "start now" arm across its mentoring (before to after), for the "start later"
/// arm across its waiting (before to before again) — compared between the arms, with each arm's own
/// paired comparison beside it. An arm with fewer than k changes suppresses the comparison between
/// arms, as every figure from fewer than k people is suppressed.
/// </summary>
/// <param name="Now">The "start now" arm, before to after.</param>
/// <param name="Later">The "start later" arm, before to before again (its waiting).</param>
/// <param name="Between">Start now's changes (a) against start later's (b): Mann–Whitney and the Hodges–Lehmann shift a − b; null when an arm has fewer than k changes.</param>
public sealed record WaitlistFigures(Outcome Outcome, ArmChange Now, ArmChange Later, TwoSampleComparison? Between);

/// <summary>One arm's paired comparison of the outcome; <see cref="Paired"/> is null under k pairs.</summary>
public sealed record ArmChange(Arm Arm, BundleStage From, BundleStage To, int Pairs, PairedComparison? Paired)
{
    public bool Suppressed => Paired is null;
}

internal static class WaitlistComparison
{
    /// <summary>
    /// The figures for <paramref name="outcome"/>; null when the outcome is not a mentees' score (arms
    /// are of mentees) or the bundle does not measure it.
    /// </summary>
    /// <param name="totals">A participant-indexed score (NaN where missing) at a stage, or null when the stage did not measure it.</param>
    public static WaitlistFigures? Compute(Outcome outcome, IReadOnlyList<BundleParticipant> participants, IReadOnlyDictionary<string, Arm> arms,
        Func<BundleStage, double[]?> totals, int k)
    {
        if (outcome.Audience != BundleRole.Mentee || totals(outcome.From) is not { } before)
        {
            return null;
        }
        var after = totals(outcome.To);
        var again = totals(BundleStage.BeforeAgain);
        var now = Changes(participants, arms, Arm.StartNow, before, after);
        var later = Changes(participants, arms, Arm.StartLater, before, again);
        var between = now.Pre.Count >= k && later.Pre.Count >= k && now.Pre.Count > 0 && later.Pre.Count > 0
            ? TwoSampleComparison.Compute([.. now.Change], [.. later.Change])
            : null;
        return new WaitlistFigures(outcome,
            ForArm(Arm.StartNow, outcome.From, outcome.To, now, k),
            ForArm(Arm.StartLater, outcome.From, BundleStage.BeforeAgain, later, k),
            between);
    }

    private static ArmChange ForArm(Arm arm, BundleStage from, BundleStage to, (List<double> Pre, List<double> Post, List<double> Change) values, int k) =>
        new(arm, from, to, values.Pre.Count,
            values.Pre.Count >= k && values.Pre.Count > 0 ? PairedComparison.Compute([.. values.Pre], [.. values.Post]) : null);

    private static (List<double> Pre, List<double> Post, List<double> Change) Changes(IReadOnlyList<BundleParticipant> participants,
        IReadOnlyDictionary<string, Arm> arms, Arm arm, double[] before, double[]? after)
    {
        List<double> pre = [], post = [], change = [];
        if (after is null) return (pre, post, change);
        for (int p = 0; p < participants.Count; p++)
        {
            if (!arms.TryGetValue(participants[p].Code, out var a) || a != arm) continue;
            if (double.IsNaN(before[p]) || double.IsNaN(after[p])) continue;
            pre.Add(before[p]);
            post.Add(after[p]);
            change.Add(after[p] - before[p]);
        }
        return (pre, post, change);
    }
}
