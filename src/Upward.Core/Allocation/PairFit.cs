namespace Upward.Core.Allocation;

/// <summary>
/// How well an allowed pair fits, as the engine's weight (0–100, matching.md) and the plain-English
/// reasons behind it. The engine first matches as many mentees as it can; the weights only choose
/// among allocations of that size, so no consideration here can leave a mentee without a mentor.
/// </summary>
public static class PairFit
{
    /// <summary>Every allowed pair starts here, so a pair with nothing in common still counts.</summary>
    public const int Base = 10;

    /// <summary>The mentee's own wish weighs most: it is the only consideration the mentee chose.</summary>
    public const int MenteeWish = 40;

    /// <summary>A programme that prefers supervisor pairs says so as strongly as a mentee's wish.</summary>
    public const int PreferredSupervisor = 40;

    public const int SharedSpecialty = 15;

    /// <summary>Per shared topic, up to <see cref="MostForTopics"/>, so topics cannot outweigh a wish.</summary>
    public const int PerSharedTopic = 10;

    public const int MostForTopics = 20;

    public const int DifferentDepartment = 15;

    public sealed record Fit(int Weight, IReadOnlyList<string> Because);

    /// <param name="brief">Say "a shared specialty" and how many topics rather than naming them, for when the names make the reason too long to keep.</param>
    public static Fit For(AllocationFacts facts, BestFitConsiderations considered, Guid mentor, Guid mentee, bool brief = false)
    {
        var weight = Base;
        var because = new List<string>();
        if (facts.SupervisorRule == SupervisorRule.Preferred && facts.Supervisions.Contains((mentor, mentee)))
        {
            weight += PreferredSupervisor;
            because.Add("the programme prefers pairing a mentor with their own supervisor");
        }
        if (considered.HasFlag(BestFitConsiderations.MenteeWishes) && facts.Wished.Contains((mentor, mentee)))
        {
            weight += MenteeWish;
            because.Add("the mentee asked to meet this mentor");
        }
        var mentorProfile = facts.Profiles.GetValueOrDefault(mentor) ?? MatchProfile.Unknown;
        var menteeProfile = facts.Profiles.GetValueOrDefault(mentee) ?? MatchProfile.Unknown;
        if (considered.HasFlag(BestFitConsiderations.SharedSpecialty) && Same(mentorProfile.Specialty, menteeProfile.Specialty))
        {
            weight += SharedSpecialty;
            because.Add(brief ? "they share a specialty" : $"both work in {mentorProfile.Specialty}");
        }
        if (considered.HasFlag(BestFitConsiderations.SharedTopics))
        {
            var shared = mentorProfile.Topics.Where(menteeProfile.Topics.Contains).Order(StringComparer.Ordinal).ToList();
            if (shared.Count > 0)
            {
                weight += Math.Min(MostForTopics, PerSharedTopic * shared.Count);
                because.Add(brief ? $"both want to talk about {shared.Count} of the same {(shared.Count == 1 ? "topic" : "topics")}" : $"both want to talk about {JoinedWithAnd(shared)}");
            }
        }
        if (considered.HasFlag(BestFitConsiderations.DifferentDepartment)
            && mentorProfile.Department is not null && menteeProfile.Department is not null
            && !Same(mentorProfile.Department, menteeProfile.Department))
        {
            weight += DifferentDepartment;
            because.Add("they work in different departments");
        }
        return new Fit(Math.Min(100, weight), because);
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string JoinedWithAnd(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";
}
