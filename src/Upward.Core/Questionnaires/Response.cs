namespace Upward.Core.Questionnaires;

public enum ResponseStatus
{
    Draft = 0,
    Submitted = 1,
}

/// <summary>
/// One participant's answers to one wave. Held under the enrolment (the participant code), never
/// the person's name, so before and after answers of the same participant can be paired.
/// </summary>
public sealed class Response
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid WaveId { get; init; }
    public Guid EnrolmentId { get; init; }

    /// <summary>The instrument version answered; a draft moves to a newer version, a submitted response never does.</summary>
    public Guid InstrumentId { get; set; }

    public ResponseStatus Status { get; set; } = ResponseStatus.Draft;
    public DateTime StartedAtUtc { get; init; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
}
