using System.Text.Json;
using System.Text.RegularExpressions;
using Upward.Core.Statistics;

namespace Upward.Cli.Commands;

/// <summary>Reading the JSON the <c>stats</c> commands take: series of scores and the confidence level.</summary>
/// <remarks>
/// A bare number or null is read as a one-element array. R's jsonlite writes length-one vectors that
/// way by default (auto_unbox), and the reference cases themselves do so for one participant, so
/// refusing it would reject what R users actually send.
/// </remarks>
internal static partial class StatsInput
{
    /// <summary>Parses the input, turning every JSON problem into one line.</summary>
    public static JsonDocument ParseDocument(string json)
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

    /// <summary>A series of scores (null for a missing one) under a key; <paramref name="shape"/> says what the input should look like.</summary>
    public static List<double?> ReadSeries(JsonElement root, string key, string shape)
    {
        if (Find(root, key) is not JsonElement value)
        {
            throw new CliInputException($"missing key \"{key}\": input must be {shape}");
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

    /// <summary>The optional "conf_level": a number strictly between 0 and 1, 0.95 when absent.</summary>
    public static double ReadConfLevel(JsonElement root)
    {
        if (Find(root, "conf_level") is not JsonElement value)
        {
            return HodgesLehmann.DefaultConfLevel;
        }
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new CliInputException($"conf_level is {Describe(value.ValueKind)}: it must be a number strictly between 0 and 1");
        }
        if (!value.TryGetDouble(out double level) || !(level > 0 && level < 1))
        {
            throw new CliInputException($"conf_level is {value.GetRawText()}: it must be strictly between 0 and 1");
        }
        return level;
    }

    // The value of a key, refusing a key given twice (JSON allows it; which one was meant is unknowable).
    private static JsonElement? Find(JsonElement root, string key)
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
        return found;
    }

    private static bool IsNonFiniteName(string text) =>
        text.Trim().TrimStart('+', '-') is var name
        && (name.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Inf", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Infinity", StringComparison.OrdinalIgnoreCase));

    /// <summary>A JSON kind in words, for error messages.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
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
