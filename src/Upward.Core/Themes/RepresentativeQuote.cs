namespace Upward.Core.Themes;

/// <summary>The answer a researcher chose to stand for a theme in Table 1; one per theme.</summary>
public sealed class RepresentativeQuote
{
    public Guid ThemeId { get; init; }
    public Guid ProgrammeId { get; init; }
    public Guid AnswerId { get; set; }
    public DateTime ChosenAtUtc { get; set; }
}
