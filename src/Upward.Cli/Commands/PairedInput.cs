using System.Text.Json;
using Upward.Core.Statistics;

namespace Upward.Cli.Commands;

/// <summary>Reads the <c>stats paired</c> input, {"pre": [...], "post": [...], "conf_level": …}, into complete pairs.</summary>
internal static class PairedInput
{
    /// <summary>The complete pairs in the input; every problem becomes a one-line <see cref="CliInputException"/>.</summary>
    public static (double[] Pre, double[] Post, double ConfLevel) Parse(string json)
    {
        using var document = StatsInput.ParseDocument(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CliInputException($"input must be a JSON object with \"pre\" and \"post\", not {StatsInput.Describe(root.ValueKind)}");
        }
        var pre = StatsInput.ReadSeries(root, "pre", "{\"pre\": [numbers], \"post\": [numbers]}");
        var post = StatsInput.ReadSeries(root, "post", "{\"pre\": [numbers], \"post\": [numbers]}");
        double confLevel = StatsInput.ReadConfLevel(root);
        if (pre.Count != post.Count)
        {
            throw new CliInputException($"\"pre\" has {pre.Count} values but \"post\" has {post.Count}: they must pair up");
        }
        var (keptPre, keptPost) = CompletePairs.Keep(pre, post);
        if (keptPre.Length == 0)
        {
            throw new CliInputException(pre.Count == 0
                ? "\"pre\" and \"post\" are empty: there are no pairs to compare"
                : "no pairs left after dropping those with a null: there is nothing to compare");
        }
        for (int i = 0; i < keptPre.Length; i++)
        {
            if (!double.IsFinite(keptPost[i] - keptPre[i]))
            {
                throw new CliInputException($"the change post - pre of pair {i + 1} (after dropping nulls) is too large to represent");
            }
        }
        return (keptPre, keptPost, confLevel);
    }
}
