using Upward.Core.Themes;

namespace Upward.Core.Tests.Themes;

public sealed class CohensKappaTests
{
    private static IEnumerable<CohensKappa.Pair> Table(int both, int onlyA, int onlyB, int neither) =>
        Enumerable.Repeat(new CohensKappa.Pair(true, true), both)
            .Concat(Enumerable.Repeat(new CohensKappa.Pair(true, false), onlyA))
            .Concat(Enumerable.Repeat(new CohensKappa.Pair(false, true), onlyB))
            .Concat(Enumerable.Repeat(new CohensKappa.Pair(false, false), neither));

    [Fact]
    public void Perfect_agreement_is_one()
    {
        var result = CohensKappa.Of(Table(both: 4, onlyA: 0, onlyB: 0, neither: 6));
        Assert.Equal(1.0, result.Kappa!.Value, 12);
    }

    [Fact]
    public void Agreement_no_better_than_chance_is_zero()
    {
        // Each coder says yes half the time, independently: p_o = p_e = 0.5.
        var result = CohensKappa.Of(Table(both: 5, onlyA: 5, onlyB: 5, neither: 5));
        Assert.Equal(0.5, result.ObservedAgreement, 12);
        Assert.Equal(0.5, result.ChanceAgreement, 12);
        Assert.Equal(0.0, result.Kappa!.Value, 12);
    }

    [Fact]
    public void The_worked_example_gives_point_four()
    {
        // 50 answers: both yes 20, A only 5, B only 10, both no 15.
        // p_o = 35/50 = 0.7; A yes 25/50, B yes 30/50; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5 = 0.4.
        var result = CohensKappa.Of(Table(20, 5, 10, 15));
        Assert.Equal(50, result.Decisions);
        Assert.Equal(0.7, result.ObservedAgreement, 12);
        Assert.Equal(0.5, result.ChanceAgreement, 12);
        Assert.Equal(0.4, result.Kappa!.Value, 12);
        Assert.Equal("fair", CohensKappa.Describe(result.Kappa));
    }

    [Fact]
    public void Systematic_disagreement_is_negative_and_one_category_only_is_undefined()
    {
        Assert.Equal(-1.0, CohensKappa.Of(Table(0, 5, 5, 0)).Kappa!.Value, 12);
        Assert.Null(CohensKappa.Of(Table(0, 0, 0, 8)).Kappa);
        Assert.Null(CohensKappa.Of([]).Kappa);
    }

    [Fact]
    public void Agreement_per_theme_and_pooled_overall_uses_only_answers_both_have_coded()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), hierarchy = Guid.NewGuid(), perspective = Guid.NewGuid();
        var answers = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var onlyByA = Guid.NewGuid();
        Coding C(Guid coder, Guid answer, Guid theme) => new() { CoderEnrolmentId = coder, AnswerId = answer, ThemeId = theme };
        var codings = new[]
        {
            C(a, answers[0], hierarchy), C(b, answers[0], hierarchy),
            C(a, answers[1], perspective), C(b, answers[1], perspective),
            C(a, answers[2], hierarchy), C(b, answers[2], perspective),
            C(a, onlyByA, hierarchy),
        };

        var summary = Agreement.Between(codings, a, b, answers.Append(onlyByA).ToHashSet(), answers.ToHashSet(), [hierarchy, perspective]);

        Assert.Equal(4, summary.AnswersBothCoded);
        Assert.Equal(8, summary.Overall.Decisions);
        // Hierarchy: A yes on answers 0 and 2, B yes on 0 only → both 1, A only 1, neither 2.
        var h = summary.PerTheme.Single(t => t.ThemeId == hierarchy).Result;
        Assert.Equal(0.75, h.ObservedAgreement, 12);
        Assert.Equal(0.5, h.Kappa!.Value, 12);
    }
}
