using Upward.Core.Evaluation;
using Upward.Core.Tests.Bundles;

namespace Upward.Core.Tests.Evaluation;

/// <summary>The published pilot's evaluation at a chosen k, with the template's outcomes: what the report builders are tested on.</summary>
internal static class PilotReport
{
    public static EvaluationReport At(int k)
    {
        var bundle = PilotBundle.Read();
        var report = EvaluationReport.Build(bundle with { Programme = bundle.Programme with { AnonymityThreshold = k } });
        return report with { Outcomes = Outcome.Defaults(report.Comparisons.Select(c => c.From).Concat(report.Comparisons.Select(c => c.To)).ToHashSet()) };
    }
}
