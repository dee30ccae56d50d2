using Upward.Core.Programmes;
using Upward.Core.Questionnaires;

namespace Upward.Core.Tests.Questionnaires;

public sealed class BuiltInInstrumentTests
{
    private static BuiltInInstrument Clinical(ProgrammeRole role, Stage stage) =>
        BuiltInInstruments.ClinicalFeedback.Single(i => i.Audience == role && i.Stage == stage);

    private static string[] Keys(BuiltInInstrument i) => i.Items.Select(x => x.Key).ToArray();

    [Fact]
    public void Clinical_feedback_asks_at_every_stage_of_the_method()
    {
        var stages = BuiltInInstruments.ClinicalFeedback.Select(i => (i.Audience, i.Stage)).ToList();
        Assert.Equal(
        [
            (ProgrammeRole.Mentor, Stage.BeforePhase1), (ProgrammeRole.Mentor, Stage.AfterPhase1),
            (ProgrammeRole.Mentor, Stage.BeforePhase2), (ProgrammeRole.Mentee, Stage.BeforePhase2),
            (ProgrammeRole.Mentor, Stage.AfterPhase2), (ProgrammeRole.Mentee, Stage.AfterPhase2),
        ], stages);
    }

    [Fact]
    public void Each_measure_the_study_reports_is_asked_where_the_method_says()
    {
        Assert.Subset(Keys(Clinical(ProgrammeRole.Mentor, Stage.BeforePhase1)).ToHashSet(), new HashSet<string> { "concerns", "easier", "understanding", "importance", "confidence", "ability" });
        Assert.Subset(Keys(Clinical(ProgrammeRole.Mentor, Stage.AfterPhase1)).ToHashSet(), new HashSet<string> { "concerns", "understanding", "importance", "confidence" });
        Assert.Subset(Keys(Clinical(ProgrammeRole.Mentee, Stage.BeforePhase2)).ToHashSet(), new HashSet<string> { "concerns", "expected-length", "awareness", "importance" });
        var after = new HashSet<string> { "understanding", "importance", "concerns-change", "experience", "useful", "change-practice", "appraisal", "comments" };
        Assert.Subset(Keys(Clinical(ProgrammeRole.Mentor, Stage.AfterPhase2)).ToHashSet(), new HashSet<string>(after) { "confidence" });
        Assert.Subset(Keys(Clinical(ProgrammeRole.Mentee, Stage.AfterPhase2)).ToHashSet(), new HashSet<string>(after) { "awareness" });
    }

    [Fact]
    public void Ordered_answers_run_from_least_to_most_as_the_study_reports_them()
    {
        var after = Clinical(ProgrammeRole.Mentee, Stage.AfterPhase2);
        Assert.Equal(["Poor", "Fair", "Good", "Excellent"], after.Items.Single(i => i.Key == "experience").Choices!);
        Assert.Equal(4, after.Items.Single(i => i.Key == "concerns-change").Choices!.Count);
    }

    [Fact]
    public void Every_template_has_questionnaires_with_unique_keys_and_named_scores()
    {
        foreach (var template in ProgrammeTemplate.All)
        {
            var instruments = BuiltInInstruments.For(template.Type);
            Assert.NotEmpty(instruments);
            foreach (var instrument in instruments)
            {
                Assert.Equal(instrument.Items.Count, instrument.Items.Select(i => i.Key).Distinct().Count());
                Assert.All(instrument.Items.Where(i => i.Type is ItemType.Scale or ItemType.DomainGrid), i => Assert.NotNull(i.Score));
                Assert.All(instrument.Items.Where(i => i.Type is ItemType.Scale or ItemType.DomainGrid), i => Assert.False(string.IsNullOrEmpty(i.Low)));
            }
        }
    }

    [Fact]
    public void A_new_version_copies_items_with_fresh_ids_and_the_same_keys()
    {
        var first = Clinical(ProgrammeRole.Mentor, Stage.BeforePhase1).CreateFor(Guid.NewGuid());
        var second = first.NextVersion();
        Assert.Equal(2, second.Version);
        Assert.Equal(first.Key, second.Key);
        Assert.Equal(first.Items.Select(i => i.Key), second.Items.Select(i => i.Key));
        Assert.All(second.Items, i => Assert.Equal(second.Id, i.InstrumentId));
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
        second.Items[0].Text = "Changed";
        Assert.NotEqual("Changed", first.Items[0].Text);
    }

    [Fact]
    public void A_domain_grid_scores_as_a_total_out_of_five_per_domain_and_only_when_complete()
    {
        var instrument = Clinical(ProgrammeRole.Mentor, Stage.BeforePhase1).CreateFor(Guid.NewGuid());
        var domains = Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()).ToList();
        var confidence = instrument.Items.Single(i => i.Key == "confidence");
        var understanding = instrument.Items.Single(i => i.Key == "understanding");
        var answers = domains.Select((d, i) => new Answer { ItemId = confidence.Id, DomainId = d, Number = 5 }).ToList();
        answers.Add(new Answer { ItemId = understanding.Id, Number = 3 });
        var scores = Scores.Of(instrument.Items, answers, domains);
        Assert.Equal(35, scores["confidence"]);
        Assert.Equal(3, scores["understanding"]);
        Assert.False(scores.ContainsKey("importance"));

        answers.RemoveAt(0);
        Assert.False(Scores.Of(instrument.Items, answers, domains).ContainsKey("confidence"));
    }
}
