namespace Upward.Core.Programmes;

/// <summary>The part a person plays in one programme; the same person may play another part elsewhere.</summary>
public enum ProgrammeRole
{
    Coordinator = 0,
    Facilitator = 1,
    Mentor = 2,
    Mentee = 3,
    Researcher = 4,

    /// <summary>
    /// The named lead for concerns, such as the organisation's Freedom to Speak Up guardian: reads and
    /// answers the concerns sent to them and nothing else of the programme.
    /// </summary>
    ConcernsLead = 5,
}
