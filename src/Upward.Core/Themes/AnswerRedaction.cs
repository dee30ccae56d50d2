namespace Upward.Core.Themes;

/// <summary>
/// The version of a free-text answer that researchers read, with identifying words masked. When the
/// original is kept it stays in the answer row for the coordinator only; when discarded, the answer's
/// own text is overwritten with <see cref="RedactedText"/> and nothing identifying is left anywhere.
/// </summary>
public sealed class AnswerRedaction
{
    /// <summary>The answer redacted; one redaction per answer (a second redaction replaces it).</summary>
    public Guid AnswerId { get; init; }
    public Guid ProgrammeId { get; init; }
    public required string RedactedText { get; set; }
    public bool OriginalKeptForCoordinator { get; set; }
    public DateTime RedactedAtUtc { get; set; }

    /// <summary>Who redacted, as an enrolment, so the record never needs a name.</summary>
    public Guid RedactedByEnrolmentId { get; set; }
}
