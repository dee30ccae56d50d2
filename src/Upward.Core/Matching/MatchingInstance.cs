namespace Upward.Core.Matching;

/// <summary>A validated allocation problem: mentors with capacities, mentees, and the allowed pairs with weights.</summary>
/// <remarks>
/// People are referred to by their index into <see cref="MentorIds"/> and <see cref="MenteeIds"/>;
/// the pair arrays are parallel and keep the input's order, which fixes the output's order.
/// </remarks>
public sealed class MatchingInstance
{
    /// <summary>The largest weight a pair may carry.</summary>
    public const int MaxWeight = 100;

    /// <summary>Builds an instance from copies of the arrays, checking every index, capacity and weight and that no pair repeats.</summary>
    public MatchingInstance(
        string[] mentorIds, int[] mentorCapacities, string[] menteeIds,
        int[] pairMentors, int[] pairMentees, int[] pairWeights)
        : this(
            Copy(mentorIds, nameof(mentorIds)), Copy(mentorCapacities, nameof(mentorCapacities)), Copy(menteeIds, nameof(menteeIds)),
            Copy(pairMentors, nameof(pairMentors)), Copy(pairMentees, nameof(pairMentees)), Copy(pairWeights, nameof(pairWeights)),
            adopt: true)
    {
    }

    // Takes the arrays as they are: the reader builds fresh ones, and copying a million pairs again costs time.
    private MatchingInstance(
        string[] mentorIds, int[] mentorCapacities, string[] menteeIds,
        int[] pairMentors, int[] pairMentees, int[] pairWeights, bool adopt)
    {
        _ = adopt; // only tells this constructor apart from the public, copying one
        ArgumentNullException.ThrowIfNull(mentorIds);
        ArgumentNullException.ThrowIfNull(mentorCapacities);
        ArgumentNullException.ThrowIfNull(menteeIds);
        ArgumentNullException.ThrowIfNull(pairMentors);
        ArgumentNullException.ThrowIfNull(pairMentees);
        ArgumentNullException.ThrowIfNull(pairWeights);
        if (mentorCapacities.Length != mentorIds.Length)
        {
            throw new ArgumentException("one capacity per mentor is needed", nameof(mentorCapacities));
        }
        if (pairMentees.Length != pairMentors.Length || pairWeights.Length != pairMentors.Length)
        {
            throw new ArgumentException("the pair arrays must have the same length", nameof(pairMentors));
        }
        for (var i = 0; i < mentorCapacities.Length; i++)
        {
            if (mentorCapacities[i] < 0)
            {
                throw new MatchingInputException($"mentors[{i}] ('{mentorIds[i]}'): capacity {mentorCapacities[i]} is negative");
            }
        }
        for (var p = 0; p < pairMentors.Length; p++)
        {
            if ((uint)pairMentors[p] >= (uint)mentorIds.Length || (uint)pairMentees[p] >= (uint)menteeIds.Length)
            {
                throw new MatchingInputException($"pairs[{p}]: names a mentor or mentee that does not exist");
            }
            if ((uint)pairWeights[p] > MaxWeight)
            {
                throw new MatchingInputException($"pairs[{p}]: weight {pairWeights[p]} is outside 0-{MaxWeight}");
            }
        }

        MentorIdArray = mentorIds;
        CapacityArray = mentorCapacities;
        MenteeIdArray = menteeIds;
        PairMentorArray = pairMentors;
        PairMenteeArray = pairMentees;
        PairWeightArray = pairWeights;
        MentorIds = Array.AsReadOnly(mentorIds);
        MentorCapacities = Array.AsReadOnly(mentorCapacities);
        MenteeIds = Array.AsReadOnly(menteeIds);
        PairMentors = Array.AsReadOnly(pairMentors);
        PairMentees = Array.AsReadOnly(pairMentees);
        PairWeights = Array.AsReadOnly(pairWeights);
        Graph = new PairGraph(this);
    }

    /// <summary>Each mentor's id, in input order.</summary>
    public IReadOnlyList<string> MentorIds { get; }

    /// <summary>How many mentees each mentor will take this round (0 = none).</summary>
    public IReadOnlyList<int> MentorCapacities { get; }

    /// <summary>Each mentee's id, in input order.</summary>
    public IReadOnlyList<string> MenteeIds { get; }

    /// <summary>The mentor index of each allowed pair.</summary>
    public IReadOnlyList<int> PairMentors { get; }

    /// <summary>The mentee index of each allowed pair.</summary>
    public IReadOnlyList<int> PairMentees { get; }

    /// <summary>The weight (0–100) of each allowed pair.</summary>
    public IReadOnlyList<int> PairWeights { get; }

    /// <summary>The number of allowed pairs.</summary>
    public int PairCount => PairWeightArray.Length;

    // Arrays, not the interfaces above, in the hot loops: interface calls cost too much there.
    internal string[] MentorIdArray { get; }
    internal int[] CapacityArray { get; }
    internal string[] MenteeIdArray { get; }
    internal int[] PairMentorArray { get; }
    internal int[] PairMenteeArray { get; }
    internal int[] PairWeightArray { get; }

    /// <summary>The pairs grouped by mentee, built once so that every solve can share it.</summary>
    internal PairGraph Graph { get; }

    /// <summary>An instance that keeps the given arrays; only for callers that built them and will not change them.</summary>
    internal static MatchingInstance Adopt(
        string[] mentorIds, int[] mentorCapacities, string[] menteeIds,
        int[] pairMentors, int[] pairMentees, int[] pairWeights) =>
        new(mentorIds, mentorCapacities, menteeIds, pairMentors, pairMentees, pairWeights, adopt: true);

    private static T[] Copy<T>(T[] array, string name) =>
        array is null ? throw new ArgumentNullException(name) : (T[])array.Clone();
}
