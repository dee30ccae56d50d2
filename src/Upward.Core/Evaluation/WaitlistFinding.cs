using Upward.Core.Bundles;
using Upward.Core.Designs;

namespace Upward.Core.Evaluation;

/// <summary>
/// The summary's sentence for a waitlist control's primary outcome: the change compared between the
/// arms first (it is what answers the question), then each arm's own before and after beside it.
/// </summary>
internal static class WaitlistFinding
{
    public static Headline.Finding Find(EvaluationReport report, WaitlistFigures w)
    {
        var o = w.Outcome;
        string what = $"{ReportText.PluralTitle(o.Audience)}’ {o.Score}";
        string span = $"from {BundleNames.Describe(o.From)} to {BundleNames.Describe(o.To)}";
        string sentence;
        if (w.Between is not { } between)
        {
            sentence = $"{what}, change {span} compared between the arms (waitlist control): not shown, because fewer than {report.AnonymityThreshold} people in an arm answered both times (start now n = {w.Now.Pairs}, start later n = {w.Later.Pairs}).";
        }
        else
        {
            string test = between.Test is { } t
                ? $"Mann–Whitney p = {ReportText.P(t.PAsymptotic)} as SPSS reports it, exact p = {ReportText.ExactP(t.PExact)}; effect size r = {ReportText.Effect(t.R)}"
                : "no test, because every change was the same";
            sentence = $"{what}, change {span} compared between the arms (waitlist control): those who started now changed by a median of {ReportText.MedianIqr(between.A)} (n = {w.Now.Pairs}), "
                + $"those who waited by a median of {ReportText.MedianIqr(between.B)} over their waiting, {BundleNames.Describe(o.From)} to {BundleNames.Describe(BundleStage.BeforeAgain)} (n = {w.Later.Pairs}); "
                + $"difference between arms {ReportText.Change(between.Shift)} by the Hodges–Lehmann shift ({test}).";
        }
        return new Headline.Finding(o, sentence, null) { WithinArms = [Within(report, w.Now), Within(report, w.Later)] };
    }

    private static string Within(EvaluationReport report, ArmChange arm)
    {
        string who = arm.Arm == Arm.StartNow ? "Start now, mentored" : "Start later, while waiting";
        string span = $"{BundleNames.Describe(arm.From)} to {BundleNames.Describe(arm.To)}";
        if (arm.Paired is not { } c)
        {
            return $"{who} ({span}): not shown, because fewer than {report.AnonymityThreshold} people answered both times (n = {arm.Pairs}).";
        }
        string test = c.Test is { } t
            ? $"p = {ReportText.P(t.PAsymptotic)} as SPSS reports it, exact p = {ReportText.ExactP(t.PExact)}; change {ReportText.Change(c.HodgesLehmann)}"
            : "no one's score changed";
        return $"{who} ({span}): median {ReportText.MedianIqr(c.Pre)} then {ReportText.MedianIqr(c.Post)} (n = {arm.Pairs}; {test}).";
    }
}
