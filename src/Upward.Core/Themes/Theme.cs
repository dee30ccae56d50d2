namespace Upward.Core.Themes;

/// <summary>A theme in a programme's codebook, opened while reading the answers (inductive content analysis).</summary>
public sealed class Theme
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public required string Name { get; set; }
    public string Definition { get; set; } = "";
    public Guid? ParentId { get; set; }
    public DateTime CreatedAtUtc { get; init; }
}
