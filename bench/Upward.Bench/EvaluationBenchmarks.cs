using BenchmarkDotNet.Attributes;
using Upward.Core.Bundles;
using Upward.Core.Evaluation;

namespace Upward.Bench;

/// <summary>The evaluation report at the size issue 9 sets: 20,000 participants × 4 questionnaires × 25 items (target under 2 s).</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private ResearchBundle _bundle = null!;

    [GlobalSetup]
    public void Setup() => _bundle = LargeBundle(participants: 20_000, items: 25, seed: 20261125);

    /// <summary>Groups 2,000,000 answers and computes every figure and comparison of the report.</summary>
    [Benchmark]
    public EvaluationReport BuildReport() => EvaluationReport.Build(_bundle);

    /// <summary>
    /// Every participant a mentor answering four questionnaires (before and after each phase) of
    /// <paramref name="items"/> scored 1–5 items, each item its own named score, so every item gives
    /// four comparisons (three consecutive, first to last) of 20,000 pairs each.
    /// </summary>
    public static ResearchBundle LargeBundle(int participants, int items, int seed)
    {
        var random = new Random(seed);
        BundleStage[] stages = [BundleStage.BeforePhase1, BundleStage.AfterPhase1, BundleStage.BeforePhase2, BundleStage.AfterPhase2];
        var instruments = stages.Select(stage => new BundleInstrument(
            $"mentor-{BundleNames.Of(stage)}", 1, BundleRole.Mentor, stage,
            [.. Enumerable.Range(1, items).Select(i => new BundleItem($"q{i:00}", BundleItemType.Scale, $"Question {i}", null, $"score-{i:00}"))])).ToList();
        var codes = Enumerable.Range(1, participants).Select(i => $"MR-{i:00000}").ToArray();
        var people = codes.Select(c => new BundleParticipant(c, BundleRole.Mentor, null,
            BundleDemographics.None with { Gender = random.Next(2) == 0 ? "Woman" : "Man", AgeBand = "31 to 40" })).ToList();
        var answers = new List<BundleAnswer>(participants * stages.Length * items);
        foreach (var code in codes)
        {
            int drift = 0;
            foreach (var instrument in instruments)
            {
                foreach (var item in instrument.Items)
                {
                    answers.Add(new BundleAnswer(code, instrument.Key, 1, item.Key, null, Math.Clamp(random.Next(1, 5) + drift, 1, 5), null));
                }
                drift += random.Next(2);
            }
        }
        var programme = new BundleProgramme("Benchmark", "clinical_feedback", 3, "Europe/London", 60, 1, [new BundleDomain(1, "Clinical practice")]);
        return new ResearchBundle(programme, instruments, people, answers, [], [], []);
    }
}
