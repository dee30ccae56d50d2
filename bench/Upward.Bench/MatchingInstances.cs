using System.Text;
using Upward.Core.Matching;

namespace Upward.Bench;

/// <summary>Deterministic allocation instances for the benchmarks, and the reference trust instance.</summary>
public static class MatchingInstances
{
    /// <summary>A region: 10,000 mentors, 2,000 mentees, 50 willing mentors per mentee (100,000 pairs).</summary>
    public static MatchingInstance Region() => Generate(10_000, 2_000, 50, seed: 2);

    /// <summary>A nation: 50,000 mentors, 10,000 mentees, 100 willing mentors per mentee (1,000,000 pairs).</summary>
    public static MatchingInstance National() => Generate(50_000, 10_000, 100, seed: 3);

    /// <summary>Places short: 5,000 mentors (about 7,500 places) for 10,000 mentees, 100 willing mentors each (1,000,000 pairs).</summary>
    /// <remarks>Not in the contract's table: the stress case for the search, where most newcomers displace someone.</remarks>
    public static MatchingInstance Scarce() => Generate(5_000, 10_000, 100, seed: 7);

    /// <summary>The reference trust-2000x500 instance, found by walking up to the repository.</summary>
    public static MatchingInstance Trust() => MatchingInstanceReader.Read(File.ReadAllBytes(ReferencePath("trust-2000x500.json")));

    /// <summary>The path of a reference instance in the test data folder.</summary>
    public static string ReferencePath(string name)
    {
        const string folder = "tests/Upward.Core.Tests/TestData/matching";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"cannot find {folder}/{name} above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// Random willingness: each mentee names <paramref name="perMentee"/> distinct mentors, weights
    /// uniform 0–100, capacities 0 (10%), 1 (40%), 2 (40%) or 3 (10%), pairs in shuffled order.
    /// </summary>
    public static MatchingInstance Generate(int mentorCount, int menteeCount, int perMentee, ulong seed)
    {
        var random = new SplitMix64(seed);
        var capacities = new int[mentorCount];
        for (var r = 0; r < mentorCount; r++)
        {
            var roll = random.NextBelow(10);
            capacities[r] = roll switch { 0 => 0, < 5 => 1, < 9 => 2, _ => 3 };
        }
        var pairs = menteeCount * perMentee;
        var mentors = new int[pairs];
        var mentees = new int[pairs];
        var weights = new int[pairs];
        var chosenBy = new int[mentorCount];
        Array.Fill(chosenBy, -1);
        var p = 0;
        for (var c = 0; c < menteeCount; c++)
        {
            for (var k = 0; k < perMentee; k++)
            {
                int r;
                do
                {
                    r = random.NextBelow(mentorCount);
                }
                while (chosenBy[r] == c);
                chosenBy[r] = c;
                mentors[p] = r;
                mentees[p] = c;
                weights[p] = random.NextBelow(101);
                p++;
            }
        }
        for (var i = pairs - 1; i > 0; i--)
        {
            var j = random.NextBelow(i + 1);
            (mentors[i], mentors[j]) = (mentors[j], mentors[i]);
            (mentees[i], mentees[j]) = (mentees[j], mentees[i]);
            (weights[i], weights[j]) = (weights[j], weights[i]);
        }
        return new MatchingInstance(
            Enumerable.Range(0, mentorCount).Select(r => $"r{r:D5}").ToArray(),
            capacities,
            Enumerable.Range(0, menteeCount).Select(c => $"c{c:D5}").ToArray(),
            mentors, mentees, weights);
    }

    /// <summary>Writes an instance as compact contract JSON, as the reference files are.</summary>
    public static void WriteJson(MatchingInstance instance, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("{\"format\":\"upward-matching-instance\",\"version\":1,\"mentors\":[");
        for (var r = 0; r < instance.MentorIds.Count; r++)
        {
            writer.Write(r == 0 ? "" : ",");
            writer.Write($"{{\"id\":\"{instance.MentorIds[r]}\",\"capacity\":{instance.MentorCapacities[r]}}}");
        }
        writer.Write("],\"mentees\":[");
        for (var c = 0; c < instance.MenteeIds.Count; c++)
        {
            writer.Write(c == 0 ? "" : ",");
            writer.Write($"{{\"id\":\"{instance.MenteeIds[c]}\"}}");
        }
        writer.Write("],\"pairs\":[");
        for (var p = 0; p < instance.PairCount; p++)
        {
            writer.Write(p == 0 ? "" : ",");
            writer.Write(
                $"{{\"mentor\":\"{instance.MentorIds[instance.PairMentors[p]]}\",\"mentee\":\"{instance.MenteeIds[instance.PairMentees[p]]}\",\"weight\":{instance.PairWeights[p]}}}");
        }
        writer.Write("]}\n");
    }
}
