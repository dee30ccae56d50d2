using Upward.Core.Bundles;
using Upward.Core.Designs;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation;

/// <summary>
/// A stepped wedge's primary outcome. The headline is the first period's contrast, computed exactly as a
/// waitlist's: step 1's change while mentored (before to after) against every later step's change
/// while waiting (before to before again, answered when its own step starts), Mann–Whitney with the
/// Hodges–Lehmann shift. Beside it, each step's own paired results. Only the first period's contrast is
/// used: a full stepped-wedge analysis (a mixed model with period and department effects) is not done,
/// and mentees are compared as individuals although whole departments were drawn.
/// </summary>
/// <param name="FirstPeriod">Step 1 as "start now", the later steps together as "start later".</param>
/// <param name="Steps">Each step's paired results in step order: step 1 mentored; each later step waiting, then mentored.</param>
public sealed record SteppedWedgeFigures(WaitlistFigures FirstPeriod, IReadOnlyList<StepChange> Steps);

/// <summary>One step's paired comparison over one span; <see cref="Paired"/> is null under k pairs.</summary>
/// <param name="Mentored">True when the span is the step's mentoring, false when it is its waiting.</param>
public sealed record StepChange(int Step, bool Mentored, BundleStage From, BundleStage To, int Pairs, PairedComparison? Paired);

internal static class SteppedWedgeComparison
{
    /// <param name="steps">Each drawn mentee's step by participant code.</param>
    public static SteppedWedgeFigures? Compute(Outcome outcome, IReadOnlyList<BundleParticipant> participants, IReadOnlyDictionary<string, int> steps,
        Func<BundleStage, double[]?> totals, int k)
    {
        var arms = steps.ToDictionary(s => s.Key, s => Designs.Steps.ArmOf(s.Value), StringComparer.Ordinal);
        if (WaitlistComparison.Compute(outcome, participants, arms, totals, k) is not { } first) return null;
        var before = totals(outcome.From)!;
        var after = totals(outcome.To);
        var again = totals(BundleStage.BeforeAgain);
        var changes = new List<StepChange>();
        foreach (int step in steps.Values.Distinct().Order())
        {
            if (step == 1)
            {
                changes.Add(Paired(step, true, outcome.From, outcome.To, participants, steps, before, after, k));
                continue;
            }
            changes.Add(Paired(step, false, outcome.From, BundleStage.BeforeAgain, participants, steps, before, again, k));
            changes.Add(Paired(step, true, BundleStage.BeforeAgain, outcome.To, participants, steps, again, after, k));
        }
        return new SteppedWedgeFigures(first, changes);
    }

    private static StepChange Paired(int step, bool mentored, BundleStage from, BundleStage to, IReadOnlyList<BundleParticipant> participants,
        IReadOnlyDictionary<string, int> steps, double[]? pre, double[]? post, int k)
    {
        List<double> a = [], b = [];
        if (pre is not null && post is not null)
        {
            for (int p = 0; p < participants.Count; p++)
            {
                if (!steps.TryGetValue(participants[p].Code, out var s) || s != step) continue;
                if (double.IsNaN(pre[p]) || double.IsNaN(post[p])) continue;
                a.Add(pre[p]);
                b.Add(post[p]);
            }
        }
        return new StepChange(step, mentored, from, to, a.Count, a.Count >= k && a.Count > 0 ? PairedComparison.Compute([.. a], [.. b]) : null);
    }
}
