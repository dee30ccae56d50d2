using System.Text.Json;
using System.Text.RegularExpressions;
using Upward.Core.Statistics;

namespace Upward.Cli.Commands;

/// <summary>Reads the <c>stats paired</c> input, {"pre": [...], "post": [...]}, into complete pairs.</summary>
/// <remarks>
/// A bare number or null is read as a one-element array. R's jsonlite writes length-one vectors that
/// way by default (auto_unbox), and the reference cases themselves do so for one participant, so
/// refusing it would reject what R users actually send.
/// </remarks>
internal static partial class PairedInput
{
    /// <summary>The complete pairs in the input; every problem becomes a one-line <see cref="CliInputException"/>.</summary>
    public static (double[] Pre, double[] Post) Parse(string json)
    {
        using var document = ParseDocument(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CliInputException($"input must be a JSON object with \"pre\" and \"post\", not {Describe(root.ValueKind)}");
        }
        var pre = ReadSeries(root, "pre");
        var post = ReadSeries(root, "post");
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
        return (keptPre, keptPost);
    }

    private static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            // JSON has no NaN or Infinity; say so rather than leave the reader with "invalid start of a value".
            if (NonFiniteLiteral().IsMatch(json))
            {
                throw new CliInputException("input holds NaN or Infinity, which are not numbers in JSON: scores must be finite numbers");
            }
            throw new CliInputException($"input is not valid JSON: {e.Message}");
        }
    }

    private static List<double?> ReadSeries(JsonElement root, string key)
    {
        JsonElement? found = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals(key))
            {
                if (found is not null)
                {
                    throw new CliInputException($"key \"{key}\" appears more than once");
                }
                found = property.Value;
            }
        }
        if (found is not JsonElement value)
        {
            throw new CliInputException($"missing key \"{key}\": input must be {{\"pre\": [numbers], \"post\": [numbers]}}");
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            return [ReadScore(value, key)];
        }
        var scores = new List<double?>(value.GetArrayLength());
        int index = 0;
        foreach (var element in value.EnumerateArray())
        {
            scores.Add(ReadScore(element, $"{key}[{index}]"));
            index++;
        }
        return scores;
    }

    private static double? ReadScore(JsonElement element, string where)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                if (element.TryGetDouble(out double score) && double.IsFinite(score))
                {
                    return score;
                }
                throw new CliInputException($"{where} is {element.GetRawText()}, too large for a score");
            case JsonValueKind.String:
                string text = element.GetString() ?? "";
                throw new CliInputException(IsNonFiniteName(text)
                    ? $"{where} is \"{text}\", which is not a number: scores must be finite numbers"
                    : $"{where} is the string {element.GetRawText()}: scores must be numbers");
            default:
                throw new CliInputException($"{where} is {Describe(element.ValueKind)}: scores must be numbers");
        }
    }

    private static bool IsNonFiniteName(string text) =>
        text.Trim().TrimStart('+', '-') is var name
        && (name.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Inf", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Infinity", StringComparison.OrdinalIgnoreCase));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    // NaN or Infinity written where JSON expects a value: after '[', ':' or ','.
    [GeneratedRegex(@"[\[:,]\s*[-+]?(NaN|Infinity)\b")]
    private static partial Regex NonFiniteLiteral();
}
