using Upward.Core.Evaluation;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Evaluation;

/// <summary>Large programmes' evaluations, kept under the analysis plan they were calculated under (see <see cref="KeptFigures{TVersion, TFigures}"/>).</summary>
public sealed class EvaluationStore() : KeptFigures<AnalysisPlanStamp, CalculatedEvaluation>(f => f.CalculatedAtUtc);
