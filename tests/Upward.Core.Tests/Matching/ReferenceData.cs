using System.Text.Json;
using Upward.Core.Matching;

namespace Upward.Core.Tests.Matching;

/// <summary>The reference instances copied under TestData/matching and their optima.</summary>
internal static class ReferenceData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "matching");

    public static MatchingInstance Load(string name) =>
        MatchingInstanceReader.Read(File.ReadAllBytes(Path.Combine(Folder, name)));

    public static IReadOnlyDictionary<string, (int Matched, long TotalWeight)> Optima()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "optima.json")));
        var optima = new Dictionary<string, (int, long)>();
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            optima[entry.Name] = (entry.Value.GetProperty("matched").GetInt32(), entry.Value.GetProperty("total_weight").GetInt64());
        }
        return optima;
    }

    public static TheoryData<string> InstanceNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in Optima().Keys.Order(StringComparer.Ordinal))
        {
            names.Add(name);
        }
        return names;
    }
}
