using Upward.Core.Bundles;

namespace Upward.Core.Evaluation;

/// <summary>
/// The summary's sentence for a stepped wedge's primary outcome: the first period's contrast first
/// (step 1 mentored against the later steps waiting), saying plainly that only that period is used,
/// then each step's own before and after beside it.
/// </summary>
internal static class SteppedWedgeFinding
{
    public static Headline.Finding Find(EvaluationReport report, SteppedWedgeFigures wedge)
    {
        var w = wedge.FirstPeriod;
        var o = w.Outcome;
        string what = $"{ReportText.PluralTitle(o.Audience)}’ {o.Score}";
        string design = "stepped wedge, first period only";
        string sentence;
        if (w.Between is not { } between)
        {
            sentence = $"{what}, change during the first period compared between step 1 and the later steps ({design}): not shown, because fewer than {report.AnonymityThreshold} people in a group answered both times (step 1 n = {w.Now.Pairs}, later steps n = {w.Later.Pairs}).";
        }
        else
        {
            string test = between.Test is { } t
                ? $"Mann–Whitney p = {ReportText.P(t.PAsymptotic)} as SPSS reports it, exact p = {ReportText.ExactP(t.PExact)}; effect size r = {ReportText.Effect(t.R)}"
                : "no test, because every change was the same";
            sentence = $"{what}, change during the first period compared between step 1 and the later steps ({design}): step 1, mentored, changed by a median of {ReportText.MedianIqr(between.A)} from {BundleNames.Describe(o.From)} to {BundleNames.Describe(o.To)} (n = {w.Now.Pairs}); "
                + $"the later steps, while waiting, by a median of {ReportText.MedianIqr(between.B)} from {BundleNames.Describe(o.From)} to {BundleNames.Describe(BundleStage.BeforeAgain)} (n = {w.Later.Pairs}); "
                + $"difference {ReportText.Change(between.Shift)} by the Hodges–Lehmann shift ({test}). Only the first period's contrast is used: the later periods, and a model of periods and departments, are not analysed, and mentees are compared as individuals although whole departments were drawn.";
        }
        return new Headline.Finding(o, sentence, null) { WithinArms = [.. wedge.Steps.Select(s => Within(report, s))] };
    }

    private static string Within(EvaluationReport report, StepChange step)
    {
        string who = $"Step {step.Step}, {(step.Mentored ? "mentored" : "while waiting")}";
        string span = $"{BundleNames.Describe(step.From)} to {BundleNames.Describe(step.To)}";
        if (step.Paired is not { } c)
        {
            return $"{who} ({span}): not shown, because fewer than {report.AnonymityThreshold} people answered both times (n = {step.Pairs}).";
        }
        string test = c.Test is { } t
            ? $"p = {ReportText.P(t.PAsymptotic)} as SPSS reports it, exact p = {ReportText.ExactP(t.PExact)}; change {ReportText.Change(c.HodgesLehmann)}"
            : "no one's score changed";
        return $"{who} ({span}): median {ReportText.MedianIqr(c.Pre)} then {ReportText.MedianIqr(c.Post)} (n = {step.Pairs}; {test}).";
    }
}
