namespace Upward.Core.PhaseOne;

/// <summary>
/// What the coordinator learns from willingness before allocating: how many mentors would mentor
/// everyone, how widely the rest would, and how many willing mentors each mentee has.
/// </summary>
public sealed record WillingnessSummary(
    int Mentors,
    int Mentees,
    int MentorsWillingForEveryMentee,
    IReadOnlyList<WillingnessBand> Bands,
    IReadOnlyDictionary<Guid, int> WillingMentorsPerMentee,
    int MentorsYetToAnswer)
{
    /// <summary>Counts over the current mentors and mentees; answers about anyone else are ignored, an unanswered pair counts as not willing.</summary>
    public static WillingnessSummary Compute(IReadOnlyCollection<Guid> mentorIds, IReadOnlyCollection<Guid> menteeIds, IEnumerable<Willingness> answers)
    {
        var mentors = mentorIds.ToHashSet();
        var mentees = menteeIds.ToHashSet();
        var relevant = answers.Where(a => mentors.Contains(a.MentorEnrolmentId) && mentees.Contains(a.MenteeEnrolmentId)).ToList();
        var willingPairs = relevant.Where(a => a.Willing).Select(a => (a.MentorEnrolmentId, a.MenteeEnrolmentId)).ToHashSet();

        // Grouped once rather than counted per person: a programme of thousands has millions of pairs.
        var willingByMentor = willingPairs.GroupBy(p => p.MentorEnrolmentId).ToDictionary(g => g.Key, g => g.Count());
        var willingByMentee = willingPairs.GroupBy(p => p.MenteeEnrolmentId).ToDictionary(g => g.Key, g => g.Count());
        var perMentee = mentees.ToDictionary(m => m, m => willingByMentee.GetValueOrDefault(m));
        var answered = relevant.Select(a => a.MentorEnrolmentId).Distinct().Count();
        var summary = FromCounts(mentors.Count, mentees.Count, willingByMentor.Values, answered);
        return summary with { WillingMentorsPerMentee = perMentee };
    }

    /// <summary>
    /// The same summary from counts the database has already made: how many mentees each mentor who is
    /// willing for at least one would mentor (a mentor missing from it is willing for none), and how many
    /// mentors have answered at all. <see cref="WillingMentorsPerMentee"/> is left empty: at scale it is read a page at a time.
    /// </summary>
    public static WillingnessSummary FromCounts(int mentors, int mentees, IReadOnlyCollection<int> willingPerWillingMentor, int mentorsAnswered)
    {
        var perMentor = willingPerWillingMentor.Concat(Enumerable.Repeat(0, Math.Max(0, mentors - willingPerWillingMentor.Count))).ToList();
        var bands = perMentor.GroupBy(count => count)
            .OrderByDescending(g => g.Key)
            .Select(g => new WillingnessBand(g.Key, g.Count()))
            .ToList();
        var everyone = mentees == 0 ? 0 : perMentor.Count(c => c == mentees);
        return new WillingnessSummary(mentors, mentees, everyone, bands, new Dictionary<Guid, int>(), mentors - mentorsAnswered);
    }

    /// <summary>The headline sentence, for example "3 of 6 mentors are willing to mentor every mentee".</summary>
    public string Headline =>
        $"{OfMentors(MentorsWillingForEveryMentee)} willing to mentor every mentee";

    /// <summary>One line per band, for example "2 of 6 mentors are willing to mentor 3 of 5 mentees".</summary>
    public IEnumerable<string> BandLines => Bands.Select(b =>
        $"{OfMentors(b.Mentors)} willing to mentor {b.WillingFor} of {Mentees} {(Mentees == 1 ? "mentee" : "mentees")}");

    // "1 of 6 mentors is", "3 of 6 mentors are": the noun follows the total, the verb the count.
    private string OfMentors(int count) => $"{count} of {Mentors} {(Mentors == 1 ? "mentor" : "mentors")} {(count == 1 || Mentors == 1 ? "is" : "are")}";
}

/// <summary>How many mentors are willing to mentor exactly <see cref="WillingFor"/> mentees.</summary>
public sealed record WillingnessBand(int WillingFor, int Mentors);
