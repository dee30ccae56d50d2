using System.Globalization;
using Upward.Core.Bundles;
using Upward.Core.Evaluation.Charts;
using Upward.Core.Sessions;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation.BoardReport;

/// <summary>
/// The report a board can table, as blocks in reading order: the summary with the primary outcome's
/// chart, who took part, the comparisons, sessions, willingness, Table 1 and the methods. The same
/// sentences, figures and suppression as the evaluation page (<see cref="ReportHtml"/>), from the
/// same Core code, so the paper and the screen never disagree.
/// </summary>
public static class BoardReportComposer
{
    private static readonly IReadOnlySet<int> None = new HashSet<int>();

    /// <param name="themes">Table 1 as the page shows it, or null when nothing has been coded.</param>
    public static IReadOnlyList<ReportBlock> Compose(EvaluationReport report, ThemeFigures? themes)
    {
        ArgumentNullException.ThrowIfNull(report);
        var blocks = new List<ReportBlock>();
        Summary(blocks, report);
        Cohort(blocks, report);
        Comparisons(blocks, report);
        Sessions(blocks, report.Sessions, report.AnonymityThreshold);
        Willingness(blocks, report.Willingness);
        Themes(blocks, themes);
        blocks.Add(new ReportHeading(1, "Methods"));
        foreach (var (heading, text) in MethodsText.Paragraphs(report, themes))
        {
            blocks.Add(new ReportHeading(2, heading));
            blocks.Add(new ReportParagraph(text));
        }
        return blocks;
    }

    private static void Summary(List<ReportBlock> blocks, EvaluationReport report)
    {
        var findings = Headline.Findings(report);
        blocks.Add(new ReportHeading(1, "Summary"));
        if (findings.Count == 0)
        {
            blocks.Add(new ReportParagraph("The analysis plan names no outcomes yet."));
            return;
        }
        if (report.Plan is { } plan)
        {
            blocks.Add(new ReportParagraph(plan.FixedAtUtc is { } fixedAt
                ? $"These outcomes come from the programme's analysis plan, fixed on {fixedAt.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture)} UTC when the first answer after the intervention arrived (SHA-256 {plan.Sha256})."
                : $"These outcomes come from the programme's analysis plan, which is not fixed yet: it will be when the first answer after the intervention arrives (SHA-256 of the plan as it stands: {plan.Sha256})."));
        }
        foreach (var group in findings.GroupBy(f => f.Outcome.Primary).OrderByDescending(g => g.Key))
        {
            blocks.Add(new ReportHeading(2, group.Key ? "Primary outcome" : "Secondary outcomes"));
            foreach (var finding in group)
            {
                blocks.Add(new ReportParagraph(finding.Sentence));
                foreach (var line in finding.WithinArms) blocks.Add(new ReportParagraph(line));
                if (finding.Outcome.Primary && finding.Comparison is { } comparison
                    && Chart(comparison, $"{ReportText.PluralTitle(comparison.Audience)}’ {comparison.Score}, median by domain, {BundleNames.Describe(comparison.From)} and {BundleNames.Describe(comparison.To)}") is { } chart)
                {
                    blocks.Add(chart);
                }
            }
        }
    }

    private static BeforeAfterFigure? Chart(ScoreComparison comparison, string title)
    {
        var rows = BeforeAfterChart.Rows(comparison);
        return rows.Count == 0 ? null : new BeforeAfterFigure(title, $"{title}. {BeforeAfterChart.Describe(rows)}",
            rows.Select(r => new BeforeAfterBar(r.Label, r.Comparison!.Pre, r.Comparison.Post)).ToList());
    }

    private static void Cohort(List<ReportBlock> blocks, EvaluationReport report)
    {
        int k = report.AnonymityThreshold;
        blocks.Add(new ReportHeading(1, "Who took part"));
        var rows = report.Cohort.Select(side => (IReadOnlyList<ReportCell>)
        [
            ReportText.PluralTitle(side.Role),
            side.Participants.ToString(CultureInfo.InvariantCulture),
            side.Withdrawn.ToString(CultureInfo.InvariantCulture),
            side.AgeRange is { } range ? $"{range} (n = {side.AgeRangeRespondents})" : $"not shown: {ReportText.FewerThan(k)} or too few in a group",
            side.PriorMentoring is { } p ? p.ToString() : $"not shown: a group under {k}",
        ]).ToList();
        blocks.Add(new ReportTable("Participants by role", ["Role", "Participants", "Withdrew", "Age range", "Had mentored before"], rows, [1.1, 1, 0.9, 1.6, 1.6], new HashSet<int> { 1, 2 }));

        // One table per side for the banded questions, a suppressed question as one row saying why.
        foreach (var side in report.Cohort)
        {
            var breakdowns = side.Breakdowns.Where(b => b.Key is "gender" or "staff_group" or "grade" or "years_in_role" && !b.Cells.All(c => c.Band == Suppression.NotGiven)).ToList();
            if (breakdowns.Count == 0)
            {
                continue;
            }
            var cells = new List<IReadOnlyList<ReportCell>>();
            foreach (var breakdown in breakdowns)
            {
                string label = $"{breakdown.Label} (n = {breakdown.Total})";
                if (breakdown.Suppressed)
                {
                    cells.Add([label, new ReportCell($"not shown, because a group would have fewer than {k} people", 2)]);
                    continue;
                }
                cells.AddRange(breakdown.Cells.Select((cell, i) => (IReadOnlyList<ReportCell>)
                    [i == 0 ? label : "", cell.Band, cell.Share is { } share ? share.ToString() : $"fewer than {k}"]));
            }
            blocks.Add(new ReportTable($"{ReportText.PluralTitle(side.Role)} by group", ["Question", "Group", "Participants"], cells, [1.4, 1.6, 1.2], None));
        }
    }

    private static void Comparisons(List<ReportBlock> blocks, EvaluationReport report)
    {
        if (report.Comparisons.Count == 0)
        {
            return;
        }
        blocks.Add(new ReportHeading(1, "Before and after"));
        blocks.Add(new ReportParagraph("Each table compares the scores of participants who answered at both stages. p is the two-sided p that SPSS reports for the Wilcoxon signed-rank test and z the statistic behind it; the exact p counts every arrangement of signs; r is the effect size. The change is the Hodges–Lehmann estimate of how much scores moved (after minus before) with its confidence interval."));
        foreach (var comparison in report.Comparisons)
        {
            string title = $"{ReportText.PluralTitle(comparison.Audience)}’ {comparison.Score}: {BundleNames.Describe(comparison.From)} to {BundleNames.Describe(comparison.To)}";
            blocks.Add(new ReportHeading(2, title));
            if (report.Plan is not null && Interventions.Between(comparison.From, comparison.To) && !report.Outcomes.Any(o => o.Matches(comparison)))
            {
                blocks.Add(new ReportParagraph("Exploratory: not an outcome in the analysis plan.", Note: true));
            }
            if (!Interventions.Between(comparison.From, comparison.To))
            {
                blocks.Add(new ReportParagraph($"No intervention between these stages. {Interventions.NoneBetweenLabel}", Note: true));
            }
            var rows = comparison.Rows.Select(row => (IReadOnlyList<ReportCell>)(row.Comparison switch
            {
                // Every pair gave the same score twice: there is nothing to test.
                { Test: null } unchanged => [row.Label, N(row.Pairs), ReportText.MedianIqr(unchanged.Pre), ReportText.MedianIqr(unchanged.Post), new ReportCell("no change in any pair", 5)],
                { } c => [row.Label, N(row.Pairs), ReportText.MedianIqr(c.Pre), ReportText.MedianIqr(c.Post), Z(c.Test!.Z), ReportText.P(c.Test.PAsymptotic), ReportText.ExactP(c.Test.PExact), ReportText.Effect(c.Test.R), ReportText.Change(c.HodgesLehmann)],
                null => [row.Label, N(row.Pairs), new ReportCell($"not shown: fewer than {report.AnonymityThreshold} pairs", 7)],
            })).ToList();
            blocks.Add(new ReportTable($"{title}, out of {ReportText.Number(comparison.Maximum)}{(comparison.Rows.Count > 1 ? " (each domain out of 5)" : "")}",
                ["Domain", "Pairs (n)", "Before: median (IQR)", "After: median (IQR)", "z", "p (SPSS)", "Exact p", "r", "Change (Hodges–Lehmann, CI)"],
                rows, [1.35, 0.55, 1.25, 1.25, 0.6, 0.65, 0.7, 0.5, 1.5], new HashSet<int> { 1, 4, 5, 6, 7 }));
            if (Chart(comparison, title + ", median by domain") is { } chart)
            {
                blocks.Add(chart);
            }
        }
    }

    private static void Sessions(List<ReportBlock> blocks, SessionFigures sessions, int k)
    {
        blocks.Add(new ReportHeading(1, "Sessions"));
        blocks.Add(new ReportParagraph(SessionSentences.Held(sessions.Pairs, sessions.PairsThatMet, sessions.Held, sessions.SessionsPerPair)
            + (sessions.TimeLimitMinutes is int limit ? $" The agreed upper limit was {limit} minutes." : "")));
        var rows = new List<IReadOnlyList<ReportCell>>();
        if (sessions.Minutes is { } m)
        {
            rows.Add([$"Minutes, median (IQR), n = {m.N}", ReportText.MedianIqr(m)]);
            rows.Add(["Minutes, Tukey’s hinges (SPSS Explore)", $"{ReportText.Number(m.HingeLower)}–{ReportText.Number(m.HingeUpper)}"]);
            rows.Add(["Minutes, range", $"{ReportText.Number(m.Min)}–{ReportText.Number(m.Max)}"]);
        }
        else
        {
            rows.Add([$"Minutes (n = {sessions.MinutesN})", $"not shown: {ReportText.FewerThan(k)}"]);
        }
        if (sessions.TimeFelt.Count > 0)
        {
            rows.AddRange(sessions.TimeFelt.Select(felt => (IReadOnlyList<ReportCell>)[$"Time felt {ReportText.Describe(felt.Felt)}", new Proportion(felt.Count, sessions.TimeFeltN).ToString()]));
        }
        else
        {
            rows.Add([$"How the time felt (n = {sessions.TimeFeltN})", $"not shown: {ReportText.FewerThan(k)}"]);
        }
        blocks.Add(new ReportTable("Session length", ["Figure", "Value"], rows, [2, 1.5], None));
        if (sessions.Minutes is { } minutes)
        {
            blocks.Add(new DurationFigure(DurationChart.Title(minutes), $"{DurationChart.Title(minutes)}. {DurationChart.Describe(minutes)}", minutes, DurationChart.NiceTop(minutes.Max)));
        }
    }

    private static void Willingness(List<ReportBlock> blocks, WillingnessFigures? willingness)
    {
        if (willingness is null)
        {
            return;
        }
        blocks.Add(new ReportHeading(1, "Willingness to mentor"));
        blocks.Add(new ReportParagraph($"{willingness.Headline}."));
        if (willingness.BandLines.Count > 0)
        {
            blocks.Add(new ReportList(willingness.BandLines));
        }
    }

    private static void Themes(List<ReportBlock> blocks, ThemeFigures? themes)
    {
        blocks.Add(new ReportHeading(1, "Themes in the free-text answers"));
        if (themes is not { Rows.Count: > 0 })
        {
            blocks.Add(new ReportParagraph("No answers have been coded yet."));
            return;
        }
        blocks.Add(new ReportParagraph("The study's Table 1: how many participants' answers carried each theme at each stage. Quotes come only from participants who agreed to be quoted, under their participant codes."));
        var rows = themes.Rows.Select(row => (IReadOnlyList<ReportCell>)
        [
            row.Parent is { } parent ? $"{row.Name} (part of {parent})" : row.Name,
            row.Definition,
            .. row.ParticipantsByStage.Select(n => new ReportCell(N(n))),
            row.Quote is { } quote ? $"“{quote}” ({row.QuoteFrom})" : "",
        ]).ToList();
        var stages = themes.Stages.Select(ThemeFigures.Name).ToList();
        blocks.Add(new ReportTable("Table 1: themes by stage (number of participants whose answers carried the theme)",
            ["Theme", "Definition", .. stages, "Representative quote"], rows,
            [1.2, 1.5, .. stages.Select(_ => 0.62), 2.2], Enumerable.Range(2, stages.Count).ToHashSet()));
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    // A signed z with a true minus sign, as the tables print every signed figure.
    private static string Z(double? z) => z is double value ? (value < 0 ? "−" : "") + Math.Abs(value).ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
