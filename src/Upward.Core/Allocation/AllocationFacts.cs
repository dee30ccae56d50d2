namespace Upward.Core.Allocation;

/// <summary>
/// Everything an allocation may rest on, gathered from the programme: who is available, who said
/// they are willing to mentor whom, and the ties that forbid or favour a pair. Mentors and mentees
/// are listed in participant-code order, which fixes the engine's input order.
/// </summary>
public sealed record AllocationFacts(
    IReadOnlyList<Guid> Mentors,
    IReadOnlyList<Guid> Mentees,
    IReadOnlySet<(Guid Mentor, Guid Mentee)> Willing,
    IReadOnlySet<(Guid Mentor, Guid Mentee)> Conflicts,
    IReadOnlySet<(Guid Mentor, Guid Mentee)> Supervisions,
    IReadOnlySet<(Guid Mentor, Guid Mentee)> DeclinedByMentee,
    IReadOnlySet<(Guid Mentor, Guid Mentee)> EndedPairs,
    int MenteesPerMentor,
    SupervisorRule SupervisorRule)
{
    /// <summary>Mentees each mentor already has from earlier rounds (a re-pairing); absent means none.</summary>
    public IReadOnlyDictionary<Guid, int> PlacesTaken { get; init; } = new Dictionary<Guid, int>();

    /// <summary>Mentors each mentee said they would like to meet (best fit may favour them); absent means none.</summary>
    public IReadOnlySet<(Guid Mentor, Guid Mentee)> Wished { get; init; } = new HashSet<(Guid, Guid)>();

    /// <summary>What each participant said about their work; a missing entry is <see cref="MatchProfile.Unknown"/>.</summary>
    public IReadOnlyDictionary<Guid, MatchProfile> Profiles { get; init; } = new Dictionary<Guid, MatchProfile>();

    /// <summary>How many more mentees a mentor can take now.</summary>
    public int PlacesLeft(Guid mentor) => Math.Max(0, MenteesPerMentor - PlacesTaken.GetValueOrDefault(mentor));
}
