using Upward.Core.Themes;

namespace Upward.Core.Tests.Themes;

public sealed class ThemesByStageTests
{
    private static readonly string[] Stages = ["Before phase 1", "After phase 2"];

    [Fact]
    public void Counts_participants_once_per_stage_and_quotes_only_those_who_agreed()
    {
        var hierarchy = new Theme { Name = "Hierarchy" };
        var perspective = new Theme { Name = "A different perspective" };
        var a1 = new ThemesByStage.AnswerFacts(Guid.NewGuid(), "Before phase 1", "MR-01", MayQuote: false, "I worry about the hierarchy.");
        var a2 = new ThemesByStage.AnswerFacts(Guid.NewGuid(), "Before phase 1", "MR-02", MayQuote: true, "Seniority might get in the way.");
        var a3 = new ThemesByStage.AnswerFacts(Guid.NewGuid(), "After phase 2", "MR-01", MayQuote: true, "It gave me a different perspective on my practice.");
        var answers = new[] { a1, a2, a3 }.ToDictionary(a => a.AnswerId);
        Guid coder1 = Guid.NewGuid(), coder2 = Guid.NewGuid();
        var codings = new[]
        {
            new Coding { AnswerId = a1.AnswerId, ThemeId = hierarchy.Id, CoderEnrolmentId = coder1 },
            new Coding { AnswerId = a1.AnswerId, ThemeId = hierarchy.Id, CoderEnrolmentId = coder2 },
            new Coding { AnswerId = a2.AnswerId, ThemeId = hierarchy.Id, CoderEnrolmentId = coder1 },
            new Coding { AnswerId = a3.AnswerId, ThemeId = perspective.Id, CoderEnrolmentId = coder1, PassageStart = 11, PassageLength = 23 },
        };
        var chosen = new Dictionary<Guid, Guid> { [hierarchy.Id] = a1.AnswerId, [perspective.Id] = a3.AnswerId };

        var rows = ThemesByStage.Build([hierarchy, perspective], codings, answers, Stages, chosen);

        var h = rows.Single(r => r.Theme == hierarchy);
        Assert.Equal(2, h.ParticipantsByStage["Before phase 1"]);
        Assert.Equal(0, h.ParticipantsByStage["After phase 2"]);
        Assert.Null(h.Quote); // MR-01 did not agree to be quoted
        var p = rows.Single(r => r.Theme == perspective);
        Assert.Equal(1, p.ParticipantsByStage["After phase 2"]);
        Assert.Equal("a different perspective", p.Quote);
        Assert.Equal("MR-01", p.QuoteFrom);
    }
}
