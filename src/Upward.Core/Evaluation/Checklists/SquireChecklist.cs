using System.Globalization;
using Upward.Core.Bundles;
using Upward.Core.Evaluation.BoardReport;
using Upward.Core.Programmes;

namespace Upward.Core.Evaluation.Checklists;

/// <summary>
/// SQUIRE 2.0, the guideline for reporting quality improvement work in healthcare (Ogrinc G, et al.
/// BMJ Qual Saf 2016;25:986–992), drafted from the programme: the setting, the intervention as
/// configured, the design and measures of its analysis plan, the analysis as the code does it, and
/// results with their n. The item prompts are shortened; the source has their full wording.
/// </summary>
public static class SquireChecklist
{
    public const string Title = "SQUIRE 2.0 checklist";
    public const string Source = "Ogrinc G, Davies L, Goodman D, Batalden P, Davidoff F, Stevens D. SQUIRE 2.0 (Standards for QUality Improvement Reporting Excellence): revised publication guidelines from a detailed consensus process. BMJ Qual Saf 2016;25:986–992. https://www.squire-statement.org";

    public static ReportingChecklist Draft(EvaluationReport report, ThemeFigures? themes, ChecklistFacts facts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(facts);
        var template = ProgrammeTemplate.For(facts.Type);
        var findings = Headline.Findings(report);
        var methods = MethodsText.Paragraphs(report, themes).ToDictionary(p => p.Heading, p => p.Text);
        var primary = report.Outcomes.FirstOrDefault(o => o.Primary);
        const string Title = "Title and abstract", Intro = "Introduction", Methods = "Methods", Results = "Results", Discussion = "Discussion", Other = "Other information";
        return new ReportingChecklist(SquireChecklist.Title, Source,
        [
            new("1", Title, "Title", "Say that the report concerns an initiative to improve healthcare.",
                $"Suggested: “{report.ProgrammeName}: a reverse mentoring programme at {facts.Organisation}, a quality improvement report”."),
            new("2", Title, "Abstract", "Give enough to find and index the work, and summarise every section (background, local problem, methods, interventions, results, conclusions).", null),
            new("3", Intro, "Problem description", "The nature and significance of the local problem.", null),
            new("4", Intro, "Available knowledge", "What is known about the problem, including previous studies.", null),
            new("5", Intro, "Rationale", "The frameworks, models or theories used to explain the problem and why the intervention was expected to work.",
                facts.Type == ProgrammeType.ClinicalFeedback
                    ? "The programme follows the published two-phase reverse mentoring method (Raju et al., BMJ Open 2022): juniors' structured feedback to seniors, then one-to-one sessions. Add the theory you rely on."
                    : null),
            new("6", Intro, "Specific aims", "The purpose of the project and of this report.",
                primary is null ? null : $"To find out whether {Outcomes.Describe(primary)} changed over the programme (the primary outcome of the analysis plan)."),
            new("7", Methods, "Context", "Contextual elements considered important at the outset.", Context(report, facts)),
            new("8", Methods, "Intervention", "The intervention in enough detail to reproduce it, and the team involved.", Intervention(report, template, facts)),
            new("9", Methods, "Study of the intervention", "How the impact was assessed, and how it was established that outcomes were due to the intervention.", Study(facts)),
            new("10", Methods, "Measures", "The measures of process and outcome, why they were chosen, and how completeness and accuracy were assessed.", Measures(report)),
            new("11", Methods, "Analysis", "The qualitative and quantitative methods used to draw inferences, and to understand variation.",
                string.Join(" ", new[] { "Figures", "Tests", "Small numbers", "Analysis plan", "Free text" }.Where(methods.ContainsKey).Select(h => methods[h]))
                + $" α = {facts.Alpha.ToString("0.##", CultureInfo.InvariantCulture)}."),
            new("12", Methods, "Ethical considerations", "Ethical aspects and how they were addressed, including formal review and conflicts of interest.",
                methods["Design and consent"] + $" Small numbers were suppressed below k = {report.AnonymityThreshold}. Add the formal ethics or audit approval and any conflicts of interest."),
            new("13", Results, "Results", "The intervention's steps over time; process and outcome measures; context; associations; unintended consequences; missing data.", ResultsText(report, findings)),
            new("14", Discussion, "Summary", "Key findings and the project's particular strengths.", null),
            new("15", Discussion, "Interpretation", "The association between intervention and outcomes, comparison with other work, impact, and costs.", null),
            new("16", Discussion, "Limitations", "Limits to generalisability and internal validity, and what was done about them.", Limitations(report, facts)),
            new("17", Discussion, "Conclusions", "Usefulness, sustainability, spread, implications and next steps.", null),
            new("18", Other, "Funding", "Sources of funding and the funder's role.", null),
        ]);
    }

    private static string Context(EvaluationReport report, ChecklistFacts facts)
    {
        var people = string.Join(" and ", report.Cohort.Select(c => $"{c.Participants} {ReportText.Plural(c.Role)}"));
        var text = $"{facts.Organisation}. The programme “{report.ProgrammeName}” was set up on {facts.SetUpOn}";
        text += people.Length > 0 ? $", with {people} taking part" : "";
        text += facts.AnswersBetween is { } when ? $"; questionnaires were answered {when}." : ".";
        return text + " Add the unit, the local culture and what else was changing at the time.";
    }

    private static string Intervention(EvaluationReport report, ProgrammeTemplate template, ChecklistFacts facts)
    {
        var text = $"{template.Summary} Each pair planned {report.Sessions.SessionsPerPair} {(report.Sessions.SessionsPerPair == 1 ? "session" : "sessions")}";
        text += report.Sessions.TimeLimitMinutes is { } minutes ? $" of up to {minutes} minutes" : "";
        text += $", on {report.Domains.Count} areas: {string.Join(", ", report.Domains.Select(d => d.Name.ToLowerInvariant()))}.";
        if (facts.PreparationModules.Count > 0)
        {
            text += $" Participants were prepared with {facts.PreparationModules.Count} short modules ({string.Join("; ", facts.PreparationModules)}).";
        }
        return text + " Add who ran it (coordinator, facilitators) and how much of their time it took.";
    }

    private static string Study(ChecklistFacts facts) => facts.Design switch
    {
        AnalysisPlan.SingleGroupBeforeAfter =>
            "One group answered the same questionnaires before and after the programme, and each person's answers were compared across time. "
            + "With no control group, this design cannot separate the programme's effect from the passing of time or from other changes at the same time.",
        AnalysisPlan.WaitlistControl =>
            "A waitlist control: mentees were randomised from a stored seed to start now or later. While the first arm was mentored, the later arm "
            + "answered the before questionnaire a second time, so its change while waiting is the control for the passing of time. "
            + "The primary outcome's change is compared between the arms (Mann–Whitney, with the Hodges–Lehmann shift and its interval); the later arm was mentored afterwards.",
        AnalysisPlan.SteppedWedge =>
            "A stepped wedge by department: whole departments were drawn from a stored seed into steps that started one after another. Every mentee answered "
            + "the before questionnaire at the start, and the mentees of each later step answered it again when their own step started. "
            + "This analysis uses the first period's contrast only: the change of step 1's mentees while mentored (before to after) is compared with the change of the later steps' mentees while waiting "
            + "(before to before again), by Mann–Whitney with the Hodges–Lehmann shift and its interval, with each step's own paired results beside it. "
            + "A full stepped-wedge analysis (a mixed model with period and department effects) is not done, and mentees are compared as individuals although departments were drawn.",
        _ => $"Design of the analysis plan: {facts.Design.Replace('_', ' ')}. Describe how the comparison separates the programme's effect from the passing of time.",
    };

    private static string Measures(EvaluationReport report)
    {
        var questionnaires = report.Questionnaires
            .Select(q => $"{ReportText.Plural(q.Audience)} {BundleNames.Describe(q.Stage)} ({q.Items.Count} questions, {q.Respondents} answered)")
            .ToList();
        var text = questionnaires.Count == 0 ? "No questionnaire has been answered yet." : $"Questionnaires: {string.Join("; ", questionnaires)}.";
        if (report.Outcomes.Count > 0)
        {
            text += $" Outcomes, fixed in the analysis plan: {string.Join("; ", report.Outcomes.Select(o => (o.Primary ? "primary, " : "secondary, ") + Outcomes.Describe(o)))}.";
        }
        text += $" Process measures: pairs formed and sessions held, with their length and how the time felt. Completeness: each comparison uses only those who answered at both stages, and gives its n.";
        return text + " Add why these measures were chosen and what is known of their validity.";
    }

    private static string ResultsText(EvaluationReport report, IReadOnlyList<Headline.Finding> findings)
    {
        var s = report.Sessions;
        var parts = new List<string>
        {
            $"{s.Pairs} {(s.Pairs == 1 ? "pair was" : "pairs were")} formed; {s.PairsThatMet} met at least once, and {s.Held} of {s.Sessions} planned or recorded sessions were held.",
        };
        parts.AddRange(findings.Select(f => f.Sentence));
        var withdrawn = report.Cohort.Where(c => c.Withdrawn > 0).Select(c => $"{c.Withdrawn} of {c.Participants} {ReportText.Plural(c.Role)}").ToList();
        parts.Add(withdrawn.Count == 0 ? "Nobody withdrew." : $"Withdrew: {string.Join(" and ", withdrawn)}.");
        parts.Add($"Missing data: people who did not answer at both stages are left out of that comparison; figures from fewer than {report.AnonymityThreshold} people are not shown.");
        return string.Join(" ", parts) + " Add how the programme changed over time and anything unintended.";
    }

    private static string Limitations(EvaluationReport report, ChecklistFacts facts)
    {
        var text = facts.Design == AnalysisPlan.SingleGroupBeforeAfter
            ? "A single group before and after: no control for time or other changes. "
            : facts.Design == AnalysisPlan.WaitlistControl
                ? "Participants and those running the programme knew each mentee's arm once it was released. "
                : facts.Design == AnalysisPlan.SteppedWedge
                    ? "Participants and those running the programme knew each department's start date once the schedule was released. Only the first period's contrast is analysed: later periods, and a model of periods and departments (the usual stepped-wedge analysis), are not; the later steps waited for different lengths of time before answering again; and mentees are compared as individuals although whole departments were drawn, so intervals may be too narrow if departments differ. "
                    : "";
        var smallest = report.Comparisons.Select(c => c.Total.Pairs).DefaultIfEmpty(0).Min();
        text += $"Participants volunteered at one organisation. Answers are self-reported. The smallest comparison rests on {smallest} {(smallest == 1 ? "pair" : "pairs")}.";
        return text + " Add other threats to validity and what was done about them.";
    }
}
