using System.Text.Json;

namespace Upward.Cli.Commands;

/// <summary>Reads the <c>stats two-sample</c> input, {"a": [...], "b": [...], "conf_level": …}, dropping nulls from their own group.</summary>
internal static class TwoSampleInput
{
    private const string Shape = "{\"a\": [numbers], \"b\": [numbers]}";

    /// <summary>The values of each group; every problem becomes a one-line <see cref="CliInputException"/>.</summary>
    public static (double[] A, double[] B, double ConfLevel) Parse(string json)
    {
        using var document = StatsInput.ParseDocument(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CliInputException($"input must be a JSON object with \"a\" and \"b\", not {StatsInput.Describe(root.ValueKind)}");
        }
        double[] a = Kept(StatsInput.ReadSeries(root, "a", Shape), "a");
        double[] b = Kept(StatsInput.ReadSeries(root, "b", Shape), "b");
        double confLevel = StatsInput.ReadConfLevel(root);
        return (a, b, confLevel);
    }

    private static double[] Kept(List<double?> series, string key)
    {
        double[] kept = [.. series.OfType<double>()];
        if (kept.Length == 0)
        {
            throw new CliInputException(series.Count == 0
                ? $"\"{key}\" is empty: each group needs at least one value"
                : $"\"{key}\" has no values left after dropping nulls: each group needs at least one");
        }
        return kept;
    }
}
