using Upward.Core.Evaluation;
using Upward.Core.Evaluation.Checklists;
using Upward.Core.Programmes;
using Upward.Core.Tests.Bundles;

namespace Upward.Core.Tests.Evaluation;

/// <summary>
/// The SQUIRE 2.0 and GRIPP2 drafts say only what the programme's records say: the pilot's numbers
/// where Upward knows them, the report's own headline sentences, and nothing for what only the author knows.
/// </summary>
public sealed class ReportingChecklistTests
{
    private static EvaluationReport Pilot(int k) => PilotReport.At(k);

    private static ChecklistFacts Facts(ProgrammeType type = ProgrammeType.ClinicalFeedback, int patientMentors = 0, bool safeguarding = false, int paid = 0) =>
        new("Example NHS Foundation Trust", type, "3 March 2025", "from 4 March 2025 to 30 June 2025", AnalysisPlan.SingleGroupBeforeAfter, 0.05,
            patientMentors, ["What reverse mentoring is", "Giving feedback upward"], safeguarding, paid);

    [Fact]
    public void Squire_has_its_eighteen_items_in_order_with_the_authors_items_left_blank()
    {
        var checklist = SquireChecklist.Draft(Pilot(3), null, Facts());
        Assert.Equal(Enumerable.Range(1, 18).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), checklist.Items.Select(i => i.Number));
        // What only the author can know is never made up.
        foreach (var number in new[] { "2", "3", "4", "14", "15", "17", "18" })
        {
            Assert.Null(checklist.Items.Single(i => i.Number == number).Draft);
        }
    }

    [Fact]
    public void Squire_drafts_the_setting_design_measures_and_results_from_the_report()
    {
        var report = Pilot(3);
        var checklist = SquireChecklist.Draft(report, null, Facts());
        string Draft(string number) => checklist.Items.Single(i => i.Number == number).Draft!;

        var mentors = report.Cohort.Single(c => c.Role == Upward.Core.Bundles.BundleRole.Mentor).Participants;
        Assert.Contains($"{mentors} mentors", Draft("7"));
        Assert.Contains("Example NHS Foundation Trust", Draft("7"));
        Assert.Contains("set up on 3 March 2025", Draft("7"));
        Assert.Contains("cannot separate the programme's effect from the passing of time", Draft("9"));
        Assert.Contains("primary, mentors’ confidence from ", Draft("10"));
        Assert.Contains($"{report.Sessions.Held} of {report.Sessions.Sessions}", Draft("13"));
        // The results are the report's own headline sentences, word for word.
        Assert.All(Headline.Findings(report), f => Assert.Contains(f.Sentence, Draft("13"), StringComparison.Ordinal));
        Assert.Contains("Wilcoxon signed-rank", Draft("11"));
        Assert.Contains("k = 3", Draft("12"));
        Assert.Contains("α = 0.05", Draft("11"));
    }

    [Fact]
    public void Suppressed_results_stay_suppressed_in_the_draft()
    {
        var report = Pilot(50);
        var results = SquireChecklist.Draft(report, null, Facts()).Items.Single(i => i.Number == "13").Draft!;
        Assert.Contains("not shown, because fewer than 50 people answered both times", results);
        Assert.DoesNotContain("p = ", results);
    }

    [Fact]
    public void Gripp2_applies_only_where_patients_or_carers_mentor_and_says_only_what_happened()
    {
        Assert.False(Gripp2ShortForm.AppliesTo(Facts()));
        Assert.True(Gripp2ShortForm.AppliesTo(Facts(patientMentors: 2)));
        Assert.True(Gripp2ShortForm.AppliesTo(Facts(ProgrammeType.PatientAsMentor)));

        var plain = Gripp2ShortForm.Draft(Pilot(3), Facts(ProgrammeType.PatientAsMentor, patientMentors: 4));
        Assert.Equal(["1", "2", "3", "4", "5"], plain.Items.Select(i => i.Number));
        var methods = plain.Items.Single(i => i.Number == "2").Draft!;
        Assert.StartsWith("4 patients or carers took part as mentors", methods, StringComparison.Ordinal);
        // Safeguarding and expenses are claimed only when the records show them.
        Assert.DoesNotContain("safeguarding", methods, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("reimbursed", methods, StringComparison.Ordinal);
        var full = Gripp2ShortForm.Draft(Pilot(3), Facts(ProgrammeType.PatientAsMentor, patientMentors: 4, safeguarding: true, paid: 2)).Items.Single(i => i.Number == "2").Draft!;
        Assert.Contains("safeguarding contact", full, StringComparison.Ordinal);
        Assert.Contains("2 claims paid", full, StringComparison.Ordinal);
        Assert.Null(plain.Items.Single(i => i.Number == "1").Draft);
    }

    [Fact]
    public void The_markdown_carries_every_item_its_source_and_the_authors_gaps()
    {
        var checklist = SquireChecklist.Draft(Pilot(3), null, Facts());
        var markdown = checklist.ToMarkdown("Pilot");
        Assert.StartsWith("# SQUIRE 2.0 checklist: Pilot", markdown, StringComparison.Ordinal);
        Assert.Contains(SquireChecklist.Source, markdown, StringComparison.Ordinal);
        Assert.All(checklist.Items, i => Assert.Contains($"### {i.Number}. {i.Name}", markdown, StringComparison.Ordinal));
        Assert.Equal(checklist.Items.Count(i => i.Draft is null), markdown.Split(ReportingChecklist.ForTheAuthor).Length - 1);
    }

    [Fact]
    public void A_waitlist_design_is_described_as_randomised_with_its_control()
    {
        var facts = Facts() with { Design = AnalysisPlan.WaitlistControl };
        var study = SquireChecklist.Draft(Pilot(3), null, facts).Items.Single(i => i.Number == "9").Draft!;
        Assert.Contains("randomised from a stored seed", study, StringComparison.Ordinal);
        Assert.DoesNotContain("no control group", study, StringComparison.Ordinal);
    }
}
