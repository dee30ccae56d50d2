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

    /// <summary>
    /// A new questionnaire (version 1, a key of its own) with the same questions and item keys, for
    /// asking the same thing again at another stage — the waiting list's second before-questionnaire —
    /// so that answers at both stages compare item by item.
    /// </summary>
    public Instrument CopyAs(string key, string title)
    {
        var copy = new Instrument { ProgrammeId = ProgrammeId, Key = key, Title = title, Introduction = Introduction };
        copy.Items.AddRange(Items.OrderBy(i => i.Position).Select(i => i.CopyFor(copy.Id)));
        return copy;
    }
}
