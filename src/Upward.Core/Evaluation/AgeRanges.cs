using Upward.Core.People;

namespace Upward.Core.Evaluation;

/// <summary>An age range from banded ages, for example "31 to 40 years" (the paper's "age range 31–40 years").</summary>
internal static class AgeRanges
{
    /// <summary>
    /// From the lower end of the youngest band to the upper end of the oldest; null when fewer than
    /// k gave a band, or when the youngest or oldest band holds fewer than k people, because naming
    /// an end of the range would then point at a small group.
    /// </summary>
    public static (string? Range, int Respondents) Describe(IEnumerable<string?> bands, int k)
    {
        var order = Demographics.AgeBand.Bands.ToList();
        var given = bands.Where(b => b is not null && b != "Prefer not to say").Select(b => order.IndexOf(b!)).Where(i => i >= 0).ToList();
        if (given.Count < k || given.Count == 0)
        {
            return (null, given.Count);
        }
        int min = given.Min(), max = given.Max();
        if (given.Count(i => i == min) < k || given.Count(i => i == max) < k)
        {
            return (null, given.Count);
        }
        string youngest = order[min], oldest = order[max];
        string range = (youngest, oldest) switch
        {
            ("Under 25", "Under 25") => "under 25 years",
            ("Over 60", "Over 60") => "over 60 years",
            ("Under 25", _) when oldest == "Over 60" => "under 25 to over 60 years",
            ("Under 25", _) => $"under 25 to {Upper(oldest)} years",
            (_, "Over 60") => $"{Lower(youngest)} years to over 60",
            _ => $"{Lower(youngest)} to {Upper(oldest)} years",
        };
        return (range, given.Count);
    }

    // Bands are written "31 to 40".
    private static string Lower(string band) => band.Split(" to ")[0];
    private static string Upper(string band) => band.Split(" to ")[^1];
}
