namespace Upward.Core.PhaseOne;

/// <summary>
/// The group's feedback on one mentee, domain by domain, compiled and moderated by a facilitator.
/// It carries no mentor's name: it is the group's voice, delivered by one mentor.
/// </summary>
public sealed class FeedbackBrief
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }
    public BriefStatus Status { get; set; } = BriefStatus.Draft;
    public List<FeedbackBriefSection> Sections { get; init; } = [];

    /// <summary>
    /// Set by the allocation once a mentor is allocated to this mentee; until then the
    /// brief cannot be released to a mentor.
    /// </summary>
    public Guid? AllocatedMentorEnrolmentId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }
    public DateTime? ReleasedToMentorAtUtc { get; set; }
    public DateTime? ReleasedToMenteeAtUtc { get; set; }

    public bool IsReleasedToMentee => ReleasedToMenteeAtUtc is not null;

    /// <summary>Once anyone may have read it, the brief is fixed: what was read stays what was reviewed.</summary>
    public bool IsEditable => ReleasedToMentorAtUtc is null && ReleasedToMenteeAtUtc is null;

    /// <summary>An edit undoes a review, so what is released is always what a facilitator last reviewed.</summary>
    public void Edited(DateTime nowUtc)
    {
        if (!IsEditable)
        {
            throw new InvalidOperationException("A released brief cannot be edited.");
        }
        UpdatedAtUtc = nowUtc;
        Status = BriefStatus.Draft;
        ReviewedAtUtc = null;
    }
}

/// <summary>The brief's text for one domain.</summary>
public sealed class FeedbackBriefSection
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid BriefId { get; init; }
    public Guid DomainId { get; init; }
    public string Text { get; set; } = "";

    /// <summary>
    /// The rating the group recorded for this domain ("Group rating: 4 out of 5", or the median of
    /// anonymous ratings), kept apart from <see cref="Text"/> so that editing the text never drops it.
    /// </summary>
    public string? Rating { get; init; }
}
