namespace Upward.Core.Questionnaires;

/// <summary>One question of an instrument version.</summary>
public sealed class InstrumentItem
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid InstrumentId { get; init; }
    public int Position { get; init; }

    /// <summary>Stable across versions and used in page addresses, for example "confidence".</summary>
    public required string Key { get; init; }

    public ItemType Type { get; init; }
    public required string Text { get; set; }
    public string? Hint { get; set; }

    /// <summary>Words for 1 and 5 on a scale or domain grid.</summary>
    public string? LowLabel { get; set; }
    public string? HighLabel { get; set; }

    /// <summary>The ordered options of a single-choice item; the first is 1.</summary>
    public List<string> Choices { get; init; } = [];

    /// <summary>The unit of a number, for example "minutes".</summary>
    public string? Unit { get; init; }

    /// <summary>The follow-up question shown after a yes/no, answered in free text.</summary>
    public string? FollowUpText { get; set; }

    /// <summary>Name a report compares before and after, for example "confidence"; null if the item is not scored.</summary>
    public string? ScoreName { get; init; }

    /// <summary>Whether the participant may leave the item blank.</summary>
    public bool Optional { get; init; }

    /// <summary>One rating per programme domain rather than one for the item.</summary>
    public bool PerDomain => Type == ItemType.DomainGrid;

    internal InstrumentItem CopyFor(Guid instrumentId) => new()
    {
        InstrumentId = instrumentId,
        Position = Position,
        Key = Key,
        Type = Type,
        Text = Text,
        Hint = Hint,
        LowLabel = LowLabel,
        HighLabel = HighLabel,
        Choices = [.. Choices],
        Unit = Unit,
        FollowUpText = FollowUpText,
        ScoreName = ScoreName,
        Optional = Optional,
    };
}
