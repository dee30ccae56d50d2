using System.Text.Json;

namespace Upward.Core.Tests.Statistics;

/// <summary>One reference case from TestData/stats/paired-cases.json, computed in R 4.2.</summary>
public sealed record PairedCase(string Id, string Description, JsonElement Input, JsonElement Expected)
{
    private static readonly Lazy<IReadOnlyList<PairedCase>> Loaded = new(Load);

    /// <summary>Every case in the reference file, read from disk (never pasted into the tests).</summary>
    public static IReadOnlyList<PairedCase> All => Loaded.Value;

    /// <summary>The case with a given id.</summary>
    public static PairedCase Named(string id) => All.Single(c => c.Id == id);

    /// <summary>Case ids for xunit's MemberData.</summary>
    public static TheoryData<string> Ids => new(All.Select(c => c.Id));

    /// <summary>The input's "pre" scores; R's auto_unbox writes one score as a bare number, read here as one element.</summary>
    public double?[] Pre => Series(Input.GetProperty("pre"));

    /// <summary>The input's "post" scores, normalised like <see cref="Pre"/>.</summary>
    public double?[] Post => Series(Input.GetProperty("post"));

    /// <summary>The expected output as flat paths ("test.z") to numbers, null for JSON null.</summary>
    public IReadOnlyDictionary<string, double?> ExpectedFields => ReferenceFields.Flatten(Expected);

    private static double?[] Series(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => [.. value.EnumerateArray().Select(Score)],
        _ => [Score(value)],
    };

    private static double? Score(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    private static IReadOnlyList<PairedCase> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "stats", "paired-cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return
        [
            .. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new PairedCase(
                c.GetProperty("id").GetString()!,
                c.GetProperty("description").GetString()!,
                c.GetProperty("input").Clone(),
                c.GetProperty("expected").Clone())),
        ];
    }
}
