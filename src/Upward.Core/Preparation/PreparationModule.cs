namespace Upward.Core.Preparation;

/// <summary>
/// One version of a programme's preparation module. An edit adds a version; the highest is in force.
/// Completion is by <see cref="Key"/>, so a mentor who finished an earlier version stays finished.
/// </summary>
public sealed class PreparationModule
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public required string Key { get; init; }
    public int Position { get; init; }
    public ModuleAudience Audience { get; init; }
    public int Version { get; init; }
    public required string Markdown { get; init; }
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Who saved this version; null for the copy Upward made from its own text.</summary>
    public Guid? CreatedByUserId { get; init; }

    public const int KeyMaxLength = 60;
}

/// <summary>A mentor got every self-check question of a module right.</summary>
public sealed class ModuleCompletion
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid EnrolmentId { get; init; }
    public required string ModuleKey { get; init; }
    public int ModuleVersion { get; init; }
    public DateTime CompletedAtUtc { get; init; }
}
