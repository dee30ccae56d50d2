using Upward.Core.People;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation;

/// <summary>Small-number suppression of demographic breakdowns: no cell of fewer than the programme's k people is shown.</summary>
internal static class Suppression
{
    /// <summary>The label for participants who gave no band.</summary>
    public const string NotGiven = "Not given";

    /// <summary>
    /// Counts by band, hiding every cell under k. When exactly one cell is hidden, the smallest
    /// other cell is hidden too, because otherwise the total would give the hidden one away.
    /// </summary>
    public static Breakdown Breakdown(Demographics.Question question, IEnumerable<string?> values, int total, int k)
    {
        var counts = values.GroupBy(v => v ?? NotGiven).ToDictionary(g => g.Key, g => g.Count());
        var bands = question.Bands.Append(NotGiven).Where(counts.ContainsKey).ToList();
        var hidden = bands.Where(b => counts[b] < k).ToHashSet();
        if (hidden.Count == 1 && bands.Count > 1)
        {
            hidden.Add(bands.Where(b => !hidden.Contains(b)).OrderBy(b => counts[b]).First());
        }
        var cells = bands.Select(b => hidden.Contains(b)
            ? new BreakdownCell(b, null, null)
            : new BreakdownCell(b, counts[b], new Proportion(counts[b], total))).ToList();
        return new Breakdown(question.Key, question.Label, total, cells);
    }
}
