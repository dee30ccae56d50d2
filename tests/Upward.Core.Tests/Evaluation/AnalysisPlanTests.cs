using System.Security.Cryptography;
using System.Text;
using Upward.Core.Bundles;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;

namespace Upward.Core.Tests.Evaluation;

/// <summary>The analysis plan's canonical form, its hash, and the rules a plan must keep.</summary>
public sealed class AnalysisPlanTests
{
    [Fact]
    public void The_templates_plan_has_a_canonical_json_whose_sha256_the_report_prints()
    {
        var plan = AnalysisPlan.Default(ProgrammeType.ClinicalFeedback);
        const string expected =
            "{\"design\":\"single_group_before_after\",\"alpha\":0.05,\"outcomes\":[" +
            "{\"primary\":true,\"audience\":\"mentor\",\"score\":\"confidence\",\"from\":\"before_phase_1\",\"to\":\"after_phase_2\",\"test\":\"wilcoxon_signed_rank_two_sided\"}," +
            "{\"primary\":false,\"audience\":\"mentee\",\"score\":\"awareness\",\"from\":\"before_phase_2\",\"to\":\"after_phase_2\",\"test\":\"wilcoxon_signed_rank_two_sided\"}," +
            "{\"primary\":false,\"audience\":\"mentor\",\"score\":\"ability\",\"from\":\"before_phase_1\",\"to\":\"after_phase_2\",\"test\":\"wilcoxon_signed_rank_two_sided\"}]}";
        Assert.Equal(expected, plan.CanonicalJson());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), plan.Sha256());
        Assert.Equal(64, plan.Sha256().Length);
    }

    [Fact]
    public void A_plan_reads_back_as_itself_and_any_change_changes_its_hash()
    {
        var plan = AnalysisPlan.Default(ProgrammeType.DigitalSkills);
        var read = AnalysisPlan.Parse(plan.CanonicalJson())!;
        Assert.Equal(plan.CanonicalJson(), read.CanonicalJson());
        Assert.NotEqual(plan.Sha256(), (plan with { Alpha = 0.01 }).Sha256());
        Assert.NotEqual(plan.Sha256(), (plan with { Outcomes = [plan.Primary] }).Sha256());
        // The primary is written first wherever it was chosen, so the same plan hashes the same.
        Assert.Equal(plan.Sha256(), (plan with { Outcomes = [.. plan.Outcomes.Reverse()] }).Sha256());
    }

    [Fact]
    public void A_plan_has_one_primary_no_outcome_twice_and_an_alpha_from_the_list()
    {
        var a = new Outcome(BundleRole.Mentor, "confidence", BundleStage.Before, BundleStage.After, true);
        var b = new Outcome(BundleRole.Mentee, "awareness", BundleStage.Before, BundleStage.After, false);
        Assert.Null(AnalysisPlan.Check([a, b], 0.05));
        Assert.Equal("Choose one primary outcome", AnalysisPlan.Check([b], 0.05));
        Assert.Equal("Choose one primary outcome", AnalysisPlan.Check([a, b with { Primary = true }], 0.05));
        Assert.Equal("An outcome cannot be both primary and secondary", AnalysisPlan.Check([a, a with { Primary = false }], 0.05));
        Assert.Equal("Choose a significance level from the list", AnalysisPlan.Check([a], 0.5));
        Assert.Null(AnalysisPlan.Parse("{\"design\":\"x\"}"));
        Assert.Null(AnalysisPlan.Parse("not json"));
    }

    [Fact]
    public void Every_candidate_spans_stages_with_the_programme_between_them()
    {
        foreach (var type in Enum.GetValues<ProgrammeType>())
        {
            Assert.All(AnalysisPlan.Candidates(type), o => Assert.True(Interventions.Between(o.From, o.To)));
            Assert.Contains(AnalysisPlan.Candidates(type), o => o with { Primary = true } == AnalysisPlan.Default(type).Primary);
        }
    }
}
