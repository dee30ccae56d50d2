namespace Upward.Core.PhaseOne;

/// <summary>
/// One mentor's private feedback on one mentee in one domain, stored WITHOUT its author: no author
/// id, no time, a random id, and re-issued (new ids, shuffled order) whenever another mentor
/// contributes about the same mentee, so neither ids nor row order can be paired with the
/// <see cref="AnonymousContributor"/> records. See docs/decisions/anonymous-contributions.md.
/// </summary>
public sealed class AnonymousContribution
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }
    public Guid DomainId { get; init; }
    public string Text { get; init; } = "";
    public int? Rating { get; init; }

    /// <summary>Which group's batch it was released in: the mentors' pool builds the brief; colleagues' comments are shown to the mentee beside it.</summary>
    public ContributionSource Source { get; init; }

    /// <summary>
    /// A colleague's comment that a facilitator has read and let the mentee see. Colleagues' words go
    /// to the mentee as written, with no brief between, so someone must first check them for abuse and
    /// for words that identify their writer. Mentors' comments reach the mentee only through the
    /// reviewed brief, so theirs stay false.
    /// </summary>
    public bool ShownToMentee { get; set; }

    /// <summary>The same content under a fresh random id, for re-issuing a mentee's contributions.</summary>
    public AnonymousContribution Reissued() => new()
    {
        ProgrammeId = ProgrammeId, MenteeEnrolmentId = MenteeEnrolmentId, DomainId = DomainId, Text = Text, Rating = Rating, Source = Source, ShownToMentee = ShownToMentee,
    };
}
