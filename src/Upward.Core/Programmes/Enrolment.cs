namespace Upward.Core.Programmes;

/// <summary>A person's place in a programme in one role, known to analysts only by its participant code.</summary>
public sealed class Enrolment
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid UserId { get; init; }
    public ProgrammeRole Role { get; init; }
    public EnrolmentStatus Status { get; set; } = EnrolmentStatus.Invited;

    /// <summary>Pseudonymous code (for example "MR-03") under which answers are shown and exported.</summary>
    public required string ParticipantCode { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Optional banded demographics, reported only in aggregate.</summary>
    public People.DemographicBands Demographics { get; set; } = new();

    /// <summary>The department the person works in, from the programme's list; used only to allocate.</summary>
    public string? Department { get; set; }

    /// <summary>The person's specialty, from the programme's list; used only to allocate.</summary>
    public string? Specialty { get; set; }

    /// <summary>The programme's domains the person most wants to talk about; used only to allocate.</summary>
    public List<Guid> TopicDomainIds { get; set; } = [];

    /// <summary>
    /// Whether the person takes part as a patient or carer, as the coordinator said; null follows the
    /// programme's type (see <see cref="Preparation.PatientMentors"/>).
    /// </summary>
    public bool? IsPatientMentor { get; set; }

    public DateTime? WithdrawnAtUtc { get; set; }
    public People.WithdrawalChoice? WithdrawalChoice { get; set; }

    /// <summary>The first questionnaire stage the person did not reach, so a report keeps them for what they answered.</summary>
    public Questionnaires.Stage? WithdrawnAtStage { get; set; }
}
