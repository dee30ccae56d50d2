using Upward.Core.Sessions;
using System.Text;
using Upward.Core.Bundles;
using Upward.Core.Evaluation.Charts;
using static System.Net.WebUtility;

namespace Upward.Core.Evaluation;

/// <summary>
/// Renders an <see cref="EvaluationReport"/> as one self-contained, accessible HTML page: headings,
/// captioned tables with header scopes, inline SVG charts with text alternatives, print styles.
/// The web app's report page reuses the section renderers.
/// </summary>
public static class ReportHtml
{
    private const string Styles = """
        body { font-family: Arial, sans-serif; color: #212b32; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.5; }
        table { border-collapse: collapse; margin: 0 0 1.5rem; width: 100%; }
        caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
        th, td { border-bottom: 1px solid #d8dde0; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .suppressed { font-style: italic; }
        .upward-break-anywhere { overflow-wrap: anywhere; }
        .upward-table-scroll { overflow-x: auto; margin: 0 0 1.5rem; }
        .upward-table-scroll table { margin: 0; }
        .chart { max-width: 100%; height: auto; margin-bottom: 1.5rem; }
        @media print { body { max-width: none; margin: 0; font-size: 10pt; } section, table, svg { break-inside: avoid; } }
        """;

    /// <summary>
    /// Opens a table under its (HTML-encoded) caption, inside a region that scrolls sideways on its own:
    /// a table with several columns is wider than a phone, and without it the whole page widened with it.
    /// The region can take focus so that a keyboard can scroll it, and is named by the caption.
    /// </summary>
    private static string TableStart(string caption) =>
        $"<div class=\"upward-table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{caption}\">\n<table>\n<caption>{caption}</caption>\n";

    /// <summary>The whole report as an HTML document.</summary>
    public static string Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>Evaluation report: {HtmlEncode(report.ProgrammeName)}</title>\n<style>\n{Styles}\n</style>\n</head>\n<body>\n<main>\n");
        html.Append($"<h1>Evaluation report: {HtmlEncode(report.ProgrammeName)}</h1>\n");
        html.Append($"<p>Every figure gives its n (the number of respondents, or of pairs). Medians are given with the interquartile range (IQR) as SPSS calculates it. ")
            .Append("Before and after are compared with the Wilcoxon signed-rank test on participants who answered both times: p is the two-sided asymptotic p that SPSS reports, exact p is calculated over every arrangement of signs, and r is the effect size z/√n. ")
            .Append($"To protect participants, figures from {ReportText.FewerThan(report.AnonymityThreshold)} and breakdown groups under {report.AnonymityThreshold} are not shown. ")
            .Append(report.Themes is null ? "Free-text answers are counted but not quoted.</p>\n" : "Free-text answers are quoted only from participants who agreed to be quoted, under their codes.</p>\n");
        AppendSummary(html, report);
        AppendCohort(html, report);
        AppendWillingness(html, report.Willingness);
        AppendComparisons(html, report);
        AppendSessions(html, report.Sessions, report.AnonymityThreshold);
        AppendQuestionnaires(html, report);
        AppendThemes(html, report.Themes);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The summary that opens the report: one sentence per outcome, primary first, each primary one
    /// beside its chart. What a board reads before, or instead of, the details.
    /// </summary>
    public static void AppendSummary(StringBuilder html, EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(report);
        var findings = Headline.Findings(report);
        if (findings.Count == 0)
        {
            return;
        }
        html.Append("<section>\n<h2 id=\"summary\">Summary</h2>\n");
        if (report.Plan is { } plan)
        {
            html.Append(plan.FixedAtUtc is { } fixedAt
                ? $"<p id=\"analysis-plan\">These outcomes come from the programme's analysis plan, fixed on {fixedAt:d MMMM yyyy 'at' HH:mm} UTC when the first answer after the intervention arrived (SHA-256 <code class=\"upward-break-anywhere\">{plan.Sha256}</code>).</p>\n"
                : $"<p id=\"analysis-plan\">These outcomes come from the programme's analysis plan, which is not fixed yet: it will be when the first answer after the intervention arrives (SHA-256 of the plan as it stands: <code class=\"upward-break-anywhere\">{plan.Sha256}</code>).</p>\n");
        }
        foreach (var group in findings.GroupBy(f => f.Outcome.Primary).OrderByDescending(g => g.Key))
        {
            html.Append($"<h3>{(group.Key ? "Primary outcome" : "Secondary outcomes")}</h3>\n");
            int chart = 0;
            foreach (var finding in group)
            {
                html.Append($"<p>{HtmlEncode(finding.Sentence)}</p>\n");
                if (finding.WithinArms.Count > 0)
                {
                    html.Append(report.SteppedWedge is null ? "<p>Within each arm:</p>\n<ul>\n" : "<p>Within each step:</p>\n<ul>\n");
                    foreach (var line in finding.WithinArms) html.Append($"<li>{HtmlEncode(line)}</li>\n");
                    html.Append("</ul>\n");
                }
                if (finding.Outcome.Primary && finding.Comparison is { } comparison
                    && BeforeAfterChart.Render(comparison, $"{ReportText.PluralTitle(comparison.Audience)}’ {comparison.Score}, median by domain, {BundleNames.Describe(comparison.From)} and {BundleNames.Describe(comparison.To)}", $"summary-chart-{++chart}") is { } svg)
                {
                    html.Append(svg).Append('\n');
                }
            }
        }
        html.Append("</section>\n");
    }

    /// <summary>The cohort section: who took part, and demographic breakdowns with small cells suppressed.</summary>
    public static void AppendCohort(StringBuilder html, EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(report);
        int k = report.AnonymityThreshold;
        html.Append("<section>\n<h2>Who took part</h2>\n").Append(TableStart("Participants by role"));
        html.Append("<thead><tr><th scope=\"col\">Role</th><th scope=\"col\">Participants</th><th scope=\"col\">Withdrew</th><th scope=\"col\">Age range</th><th scope=\"col\">Had mentored before</th></tr></thead>\n<tbody>\n");
        foreach (var side in report.Cohort)
        {
            string age = side.AgeRange is { } range ? $"{range} (n = {side.AgeRangeRespondents})" : $"<span class=\"suppressed\">not shown: {ReportText.FewerThan(k)} or too few in a group</span>";
            string prior = side.PriorMentoring is { } p ? p.ToString() : "<span class=\"suppressed\">not shown: a group under " + k + "</span>";
            html.Append($"<tr><th scope=\"row\">{ReportText.PluralTitle(side.Role)}</th><td class=\"num\">{side.Participants}</td><td class=\"num\">{side.Withdrawn}</td><td>{(side.AgeRange is null ? age : HtmlEncode(age))}</td><td>{(side.PriorMentoring is null ? prior : HtmlEncode(prior))}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</div>\n");
        foreach (var side in report.Cohort)
        {
            foreach (var breakdown in side.Breakdowns.Where(b => b.Key is "gender" or "staff_group" or "grade" or "years_in_role"))
            {
                if (breakdown.Cells.All(c => c.Band == "Not given"))
                {
                    continue;
                }
                string caption = $"{breakdown.Label} of {ReportText.Plural(side.Role)} (n = {breakdown.Total})";
                if (breakdown.Suppressed)
                {
                    html.Append($"<p class=\"suppressed\">{HtmlEncode(caption)}: not shown, because a group would have fewer than {k} people.</p>\n");
                    continue;
                }
                html.Append(TableStart(HtmlEncode(caption))).Append($"<thead><tr><th scope=\"col\">{HtmlEncode(breakdown.Label)}</th><th scope=\"col\">Participants</th></tr></thead>\n<tbody>\n");
                foreach (var cell in breakdown.Cells)
                {
                    string value = cell.Share is { } share ? HtmlEncode(share.ToString()) : $"<span class=\"suppressed\">fewer than {k}</span>";
                    html.Append($"<tr><th scope=\"row\">{HtmlEncode(cell.Band)}</th><td>{value}</td></tr>\n");
                }
                html.Append("</tbody>\n</table>\n</div>\n");
            }
        }
        html.Append("</section>\n");
    }

    /// <summary>Table 1: themes of the free-text answers by stage, with counts of participants and the chosen quotes.</summary>
    public static void AppendThemes(StringBuilder html, ThemeFigures? themes)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (themes is null)
        {
            return;
        }
        html.Append("<section>\n<h2>Themes in the free-text answers</h2>\n").Append(TableStart("Table 1: themes by stage (number of participants whose answers carried the theme)"));
        html.Append("<thead><tr><th scope=\"col\">Theme</th>");
        foreach (var stage in themes.Stages)
        {
            html.Append($"<th scope=\"col\">{HtmlEncode(ThemeFigures.Name(stage))}</th>");
        }
        html.Append("<th scope=\"col\">Representative quote</th></tr></thead>\n<tbody>\n");
        foreach (var row in themes.Rows)
        {
            var name = row.Parent is { } parent ? $"{HtmlEncode(row.Name)} (part of {HtmlEncode(parent)})" : HtmlEncode(row.Name);
            html.Append($"<tr><th scope=\"row\">{name}</th>");
            foreach (var n in row.ParticipantsByStage)
            {
                html.Append($"<td class=\"num\">{n}</td>");
            }
            html.Append(row.Quote is { } quote ? $"<td>“{HtmlEncode(quote)}” ({HtmlEncode(row.QuoteFrom)})</td>" : "<td></td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    /// <summary>The willingness section from phase 1.</summary>
    public static void AppendWillingness(StringBuilder html, WillingnessFigures? willingness)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (willingness is null)
        {
            return;
        }
        html.Append("<section>\n<h2>Willingness to mentor</h2>\n");
        html.Append($"<p>{HtmlEncode(willingness.Headline)}.</p>\n<ul>\n");
        foreach (var line in willingness.BandLines)
        {
            html.Append($"<li>{HtmlEncode(line)}</li>\n");
        }
        html.Append("</ul>\n</section>\n");
    }

    /// <summary>The before/after section: one table (and, for grids, one chart) per comparison.</summary>
    public static void AppendComparisons(StringBuilder html, EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Comparisons.Count == 0)
        {
            return;
        }
        html.Append("<section>\n<h2>Before and after</h2>\n");
        html.Append("<p>p is the two-sided p that SPSS reports for the Wilcoxon signed-rank test; the exact p counts every arrangement of signs. The change is the Hodges–Lehmann estimate of how much scores moved (after minus before: the median of the averages of every two pairs’ changes, pairs with no change left out) with its 95% confidence interval, which assumes nothing about the shape of the scores. With very few pairs no interval reaches 95%; the level it does reach is shown instead, as R shows it.</p>\n");
        int chart = 0;
        foreach (var comparison in report.Comparisons)
        {
            string title = $"{ReportText.PluralTitle(comparison.Audience)}’ {comparison.Score}: {BundleNames.Describe(comparison.From)} to {BundleNames.Describe(comparison.To)}";
            html.Append($"<h3>{HtmlEncode(title)}</h3>\n");
            if (report.Plan is not null && Interventions.Between(comparison.From, comparison.To) && !report.Outcomes.Any(o => o.Matches(comparison)))
            {
                html.Append("<p class=\"exploratory\"><strong>Exploratory:</strong> not an outcome in the analysis plan.</p>\n");
            }
            if (!Interventions.Between(comparison.From, comparison.To))
            {
                html.Append($"<p class=\"no-intervention\"><strong>No intervention between these stages.</strong> {HtmlEncode(Interventions.NoneBetweenLabel)}</p>\n");
            }
            html.Append(TableStart($"{HtmlEncode(title)}, out of {ReportText.Number(comparison.Maximum)}{(comparison.Rows.Count > 1 ? " (each domain out of 5)" : "")}"));
            html.Append("<thead><tr><th scope=\"col\">Domain</th><th scope=\"col\">Pairs (n)</th><th scope=\"col\">Before: median (IQR)</th><th scope=\"col\">After: median (IQR)</th><th scope=\"col\">p</th><th scope=\"col\">Exact p</th><th scope=\"col\">r</th><th scope=\"col\">Change: Hodges–Lehmann estimate (CI)</th></tr></thead>\n<tbody>\n");
            foreach (var row in comparison.Rows)
            {
                html.Append($"<tr><th scope=\"row\">{HtmlEncode(row.Label)}</th><td class=\"num\">{row.Pairs}</td>");
                if (row.Comparison is { Test: null } unchanged)
                {
                    // Every pair gave the same score twice: there is nothing to test.
                    html.Append($"<td>{ReportText.MedianIqr(unchanged.Pre)}</td><td>{ReportText.MedianIqr(unchanged.Post)}</td><td colspan=\"4\">no change in any pair</td>");
                }
                else if (row.Comparison is { } c)
                {
                    html.Append($"<td>{ReportText.MedianIqr(c.Pre)}</td><td>{ReportText.MedianIqr(c.Post)}</td><td class=\"num\">{HtmlEncode(ReportText.P(c.Test?.PAsymptotic))}</td><td class=\"num\">{HtmlEncode(ReportText.ExactP(c.Test?.PExact))}</td><td class=\"num\">{ReportText.Effect(c.Test?.R)}</td><td class=\"num\">{HtmlEncode(ReportText.Change(c.HodgesLehmann))}</td>");
                }
                else
                {
                    html.Append($"<td colspan=\"6\" class=\"suppressed\">not shown: fewer than {report.AnonymityThreshold} pairs</td>");
                }
                html.Append("</tr>\n");
            }
            html.Append("</tbody>\n</table>\n</div>\n");
            if (BeforeAfterChart.Render(comparison, title + ", median by domain", $"chart-{++chart}") is { } svg)
            {
                html.Append(svg).Append('\n');
            }
        }
        html.Append("</section>\n");
    }

    /// <summary>The sessions section: durations, how the time felt, and the duration chart.</summary>
    public static void AppendSessions(StringBuilder html, SessionFigures sessions, int k)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(sessions);
        html.Append("<section>\n<h2>Sessions</h2>\n");
        html.Append($"<p>{SessionSentences.Held(sessions.Pairs, sessions.PairsThatMet, sessions.Held, sessions.SessionsPerPair)}{(sessions.TimeLimitMinutes is int limit ? $" The agreed upper limit was {limit} minutes." : "")}</p>\n");
        html.Append(TableStart("Session length")).Append("<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Value</th></tr></thead>\n<tbody>\n");
        if (sessions.Minutes is { } m)
        {
            html.Append($"<tr><th scope=\"row\">Minutes, median (IQR), n = {m.N}</th><td>{ReportText.MedianIqr(m)}</td></tr>\n");
            html.Append($"<tr><th scope=\"row\">Minutes, Tukey’s hinges (SPSS Explore)</th><td>{ReportText.Number(m.HingeLower)}–{ReportText.Number(m.HingeUpper)}</td></tr>\n");
            html.Append($"<tr><th scope=\"row\">Minutes, range</th><td>{ReportText.Number(m.Min)}–{ReportText.Number(m.Max)}</td></tr>\n");
        }
        else
        {
            html.Append($"<tr><th scope=\"row\">Minutes (n = {sessions.MinutesN})</th><td class=\"suppressed\">not shown: {ReportText.FewerThan(k)}</td></tr>\n");
        }
        if (sessions.TimeFelt.Count > 0)
        {
            foreach (var felt in sessions.TimeFelt)
            {
                html.Append($"<tr><th scope=\"row\">Time felt {ReportText.Describe(felt.Felt)}</th><td>{HtmlEncode(new Statistics.Proportion(felt.Count, sessions.TimeFeltN).ToString())}</td></tr>\n");
            }
        }
        else
        {
            html.Append($"<tr><th scope=\"row\">How the time felt (n = {sessions.TimeFeltN})</th><td class=\"suppressed\">not shown: {ReportText.FewerThan(k)}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</div>\n");
        if (DurationChart.Render(sessions, "chart-durations") is { } svg)
        {
            html.Append(svg).Append('\n');
        }
        html.Append("</section>\n");
    }

    /// <summary>Every questionnaire's items at their stage.</summary>
    public static void AppendQuestionnaires(StringBuilder html, EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(report);
        int k = report.AnonymityThreshold;
        html.Append("<section>\n<h2>Questionnaires</h2>\n");
        foreach (var questionnaire in report.Questionnaires)
        {
            string title = $"{ReportText.PluralTitle(questionnaire.Audience)}, {BundleNames.Describe(questionnaire.Stage)}";
            html.Append($"<h3>{HtmlEncode(title)} (n = {questionnaire.Respondents})</h3>\n").Append(TableStart($"{HtmlEncode(title)}: answers by question"));
            html.Append("<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">n</th><th scope=\"col\">Result</th></tr></thead>\n<tbody>\n");
            foreach (var item in questionnaire.Items)
            {
                html.Append($"<tr><th scope=\"row\">{HtmlEncode(item.Text)}</th><td class=\"num\">{item.Respondents}</td><td>{Result(item, k)}</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n</div>\n");
        }
        html.Append("</section>\n");
    }

    private static string Result(ItemFigures item, int k)
    {
        if (item.Type == BundleItemType.FreeText)
        {
            return $"{item.Respondents} written {(item.Respondents == 1 ? "answer" : "answers")} (themes are analysed separately)";
        }
        if (item.Suppressed)
        {
            return $"<span class=\"suppressed\">not shown: {ReportText.FewerThan(k)}</span>";
        }
        return item.Type switch
        {
            BundleItemType.YesNo => $"Yes: {HtmlEncode(item.Yes!.Value.ToString())}",
            BundleItemType.SingleChoice => string.Join("; ", item.Choices!.Select(c =>
                HtmlEncode($"{c.Choice}: {new Statistics.Proportion(c.Count, item.Respondents)}"))),
            BundleItemType.DomainGrid => Grid(item),
            BundleItemType.Minutes => item.Summary is { } s ? $"{ReportText.MedianIqr(s)} minutes, range {ReportText.Number(s.Min)}–{ReportText.Number(s.Max)}" : "–",
            _ => item.Summary is { } s ? $"median {ReportText.MedianIqr(s)} out of 5" : "–",
        };
    }

    private static string Grid(ItemFigures item)
    {
        var parts = item.Domains!.Select(d => d.Summary is { } s
            ? HtmlEncode($"{d.Name}: {ReportText.MedianIqr(s)}")
            : HtmlEncode($"{d.Name}: not shown"));
        string total = item.Summary is { } t
            ? HtmlEncode($"Total: median {ReportText.MedianIqr(t)} out of {item.Domains!.Count * 5}, n = {t.N}")
            : "Total: not shown";
        return $"{total}<br>{string.Join("<br>", parts)}";
    }
}
