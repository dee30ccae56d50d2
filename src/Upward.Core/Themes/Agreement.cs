namespace Upward.Core.Themes;

/// <summary>
/// How far two coders agree, per theme and overall, over the answers both of them have coded.
/// Overall kappa pools every answer-and-theme decision, so frequent themes weigh more, as they should.
/// </summary>
public static class Agreement
{
    public sealed record ThemeAgreement(Guid ThemeId, CohensKappa.Result Result);

    public sealed record Summary(IReadOnlyList<ThemeAgreement> PerTheme, CohensKappa.Result Overall, int AnswersBothCoded);

    /// <param name="answersCodedByA">Answers coder A has finished (so an absent theme means "no").</param>
    /// <param name="answersCodedByB">Answers coder B has finished.</param>
    public static Summary Between(
        IEnumerable<Coding> codings, Guid coderA, Guid coderB,
        IReadOnlySet<Guid> answersCodedByA, IReadOnlySet<Guid> answersCodedByB, IReadOnlyList<Guid> themes)
    {
        var shared = answersCodedByA.Intersect(answersCodedByB).ToList();
        var list = codings.ToList();
        var byA = list.Where(c => c.CoderEnrolmentId == coderA).Select(c => (c.AnswerId, c.ThemeId)).ToHashSet();
        var byB = list.Where(c => c.CoderEnrolmentId == coderB).Select(c => (c.AnswerId, c.ThemeId)).ToHashSet();

        var pooled = new List<CohensKappa.Pair>();
        var perTheme = new List<ThemeAgreement>();
        foreach (var theme in themes)
        {
            var decisions = shared.Select(a => new CohensKappa.Pair(byA.Contains((a, theme)), byB.Contains((a, theme)))).ToList();
            pooled.AddRange(decisions);
            perTheme.Add(new ThemeAgreement(theme, CohensKappa.Of(decisions)));
        }
        return new Summary(perTheme, CohensKappa.Of(pooled), shared.Count);
    }
}
