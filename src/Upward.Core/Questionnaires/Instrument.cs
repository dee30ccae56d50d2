namespace Upward.Core.Questionnaires;

/// <summary>
/// One version of a questionnaire. Versions of the same questionnaire share a <see cref="Key"/>;
/// once anyone has answered a version it is never changed, so every answer keeps its wording.
/// </summary>
public sealed class Instrument
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }

    /// <summary>Stable name across versions, for example "clinical-mentor-before-phase1".</summary>
    public required string Key { get; init; }

    public required string Title { get; set; }
    public string? Introduction { get; set; }
    public int Version { get; init; } = 1;
    public DateTime CreatedAtUtc { get; init; }
    public List<InstrumentItem> Items { get; init; } = [];

    /// <summary>A copy as the next version, with fresh ids and the same item keys (so answers can be compared across versions).</summary>
    public Instrument NextVersion()
    {
        var next = new Instrument { ProgrammeId = ProgrammeId, Key = Key, Title = Title, Introduction = Introduction, Version = Version + 1 };
        next.Items.AddRange(Items.OrderBy(i => i.Position).Select(i => i.CopyFor(next.Id)));
        return next;
    }
}
