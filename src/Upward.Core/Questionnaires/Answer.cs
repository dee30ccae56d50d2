namespace Upward.Core.Questionnaires;

/// <summary>
/// One answer to one item (for a domain grid, to one domain of it): the row the statistics engine reads.
/// A rating, a choice's position, yes (1) / no (0) or minutes go in <see cref="Number"/>; words in <see cref="Text"/>.
/// </summary>
public sealed class Answer
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ResponseId { get; init; }
    public Guid ItemId { get; set; }

    /// <summary>
    /// The programme domain rated, for a domain grid; <see cref="Guid.Empty"/> for an answer to the
    /// whole item. Never null, so one unique index keeps one row per answer on every database
    /// (SQLite and PostgreSQL both let NULLs repeat in a unique index).
    /// </summary>
    public Guid DomainId { get; init; }

    public bool IsDomainRating => DomainId != Guid.Empty;

    public int? Number { get; set; }
    public string? Text { get; set; }
}
