using Upward.Core.Bundles;
using Upward.Core.Evaluation;
using Upward.Core.Tests.Bundles;

namespace Upward.Core.Tests.Evaluation;

/// <summary>Small numbers are not shown: breakdown cells under k, and figures from fewer than k respondents or pairs.</summary>
public sealed class SuppressionTests
{
    [Fact]
    public void A_gender_group_of_two_under_three_is_suppressed_and_so_is_its_complement()
    {
        // Mentors: 4 men, 2 women. Showing "4 men of 6" would give away the 2, so both are hidden.
        var report = EvaluationReport.Build(PilotBundle.Read());
        var gender = report.Cohort.Single(c => c.Role == BundleRole.Mentor).Breakdowns.Single(b => b.Key == "gender");

        Assert.True(gender.Suppressed);
        Assert.All(gender.Cells, c => Assert.Null(c.Count));
        Assert.DoesNotContain("Woman", ReportHtml.Render(report).Split("Gender of mentors")[1].Split("</p>")[0]);
    }

    [Fact]
    public void Cells_of_at_least_k_are_shown()
    {
        var bundle = PilotBundle.Read();
        var report = EvaluationReport.Build(bundle with { Programme = bundle.Programme with { AnonymityThreshold = 2 } });
        var gender = report.Cohort.Single(c => c.Role == BundleRole.Mentor).Breakdowns.Single(b => b.Key == "gender");

        Assert.Equal([2, 4], gender.Cells.Select(c => c.Count)); // in the order of the bands: Woman, Man
        Assert.Equal("2 out of 6 (33.3%)", gender.Cells.Single(c => c.Band == "Woman").Share.ToString());
    }

    [Fact]
    public void Comparisons_with_fewer_than_k_pairs_show_only_their_n()
    {
        var bundle = PilotBundle.Read();
        var report = EvaluationReport.Build(bundle with { Programme = bundle.Programme with { AnonymityThreshold = 6 } });

        var total = report.Comparisons.Single(c => c.Score == "confidence" && c.From == BundleStage.BeforePhase1 && c.To == BundleStage.AfterPhase2).Total;
        Assert.True(total.Suppressed);
        Assert.Equal(5, total.Pairs);
        Assert.Null(report.Sessions.Minutes);
        Assert.Null(report.Questionnaires.Single(q => q.Key == "mentee-after-phase-2").Items.Single(i => i.Key == "appraisal").Yes);
        Assert.Contains("not shown: fewer than 6 pairs", ReportHtml.Render(report));
    }
}
