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

        var perMentor = mentors.ToDictionary(m => m, m => willingPairs.Count(p => p.MentorEnrolmentId == m));
        var perMentee = mentees.ToDictionary(m => m, m => willingPairs.Count(p => p.MenteeEnrolmentId == m));
        var answered = relevant.Select(a => a.MentorEnrolmentId).ToHashSet();
        var bands = perMentor.Values.GroupBy(count => count)
            .OrderByDescending(g => g.Key)
            .Select(g => new WillingnessBand(g.Key, g.Count()))
            .ToList();
        var everyone = mentees.Count == 0 ? 0 : perMentor.Values.Count(c => c == mentees.Count);
        return new WillingnessSummary(mentors.Count, mentees.Count, everyone, bands, perMentee, mentors.Count - answered.Count);
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
