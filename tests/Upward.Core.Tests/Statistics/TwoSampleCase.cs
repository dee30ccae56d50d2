using System.Text.Json;

namespace Upward.Core.Tests.Statistics;

/// <summary>One reference case from TestData/stats/two-sample-and-hl-cases.json, computed in R 4.2.2 with coin 1.4.2.</summary>
public sealed record TwoSampleCase(string Id, string Command, string Description, JsonElement Input, JsonElement Expected)
{
    private static readonly Lazy<IReadOnlyList<TwoSampleCase>> Loaded = new(Load);

    /// <summary>Every case in the reference file, read from disk (never pasted into the tests).</summary>
    public static IReadOnlyList<TwoSampleCase> All => Loaded.Value;

    /// <summary>The case with a given id.</summary>
    public static TwoSampleCase Named(string id) => All.Single(c => c.Id == id);

    /// <summary>Ids of the cases for one command ("two-sample" or "paired"), for xunit's MemberData.</summary>
    public static TheoryData<string> IdsFor(string command) => new(All.Where(c => c.Command == command).Select(c => c.Id));

    /// <summary>Ids of the two-sample cases.</summary>
    public static TheoryData<string> TwoSampleIds => IdsFor("two-sample");

    /// <summary>Ids of the paired cases.</summary>
    public static TheoryData<string> PairedIds => IdsFor("paired");

    /// <summary>An input series; R's auto_unbox writes one value as a bare number, read here as one element.</summary>
    public double?[] Series(string key) => Input.GetProperty(key) switch
    {
        { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(Score)],
        var single => [Score(single)],
    };

    /// <summary>The non-null values of an input series, in order.</summary>
    public double[] Values(string key) => [.. Series(key).OfType<double>()];

    /// <summary>The input's confidence level, or the contract's default.</summary>
    public double ConfLevel => Input.TryGetProperty("conf_level", out var level) ? level.GetDouble() : 0.95;

    /// <summary>The expected output as flat paths ("test.z") to numbers, null for JSON null.</summary>
    public IReadOnlyDictionary<string, double?> ExpectedFields => ReferenceFields.Flatten(Expected);

    private static double? Score(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    private static IReadOnlyList<TwoSampleCase> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "stats", "two-sample-and-hl-cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return
        [
            .. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new TwoSampleCase(
                c.GetProperty("id").GetString()!,
                c.GetProperty("command").GetString()!,
                c.GetProperty("description").GetString()!,
                c.GetProperty("input").Clone(),
                c.GetProperty("expected").Clone())),
        ];
    }
}
