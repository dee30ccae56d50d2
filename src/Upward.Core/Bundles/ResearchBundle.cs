namespace Upward.Core.Bundles;

/// <summary>
/// A research bundle (format "upward-research-bundle", version 1): everything needed to re-run a
/// programme's evaluation offline, with participants known only by their pseudonymous codes.
/// </summary>
/// <remarks>The format is documented in docs/formats/bundle.md and bundle.schema.json.</remarks>
public sealed record ResearchBundle(
    BundleProgramme Programme,
    IReadOnlyList<BundleInstrument> Instruments,
    IReadOnlyList<BundleParticipant> Participants,
    IReadOnlyList<BundleAnswer> Answers,
    IReadOnlyList<BundleWillingness> Willingness,
    IReadOnlyList<BundlePair> Pairs,
    IReadOnlyList<BundleSession> Sessions)
{
    /// <summary>The value of the bundle's <c>format</c> field.</summary>
    public const string Format = "upward-research-bundle";

    /// <summary>The only version this build reads and writes.</summary>
    public const int Version = 1;
}

/// <summary>The programme's settings that the evaluation depends on.</summary>
/// <param name="AnonymityThreshold">k: no breakdown cell and no figure from fewer respondents is shown.</param>
public sealed record BundleProgramme(
    string Name,
    string Type,
    int AnonymityThreshold,
    string TimeZone,
    int? SessionTimeLimitMinutes,
    int SessionsPerPair,
    IReadOnlyList<BundleDomain> Domains);

/// <summary>One feedback domain; answers to domain grids name it by <see cref="Position"/>.</summary>
public sealed record BundleDomain(int Position, string Name);

/// <summary>One version of a questionnaire, answered by one audience at one stage.</summary>
public sealed record BundleInstrument(string Key, int Version, BundleRole Audience, BundleStage Stage, IReadOnlyList<BundleItem> Items);

/// <summary>One question; <see cref="Score"/> names the measure it contributes to (for example "confidence").</summary>
public sealed record BundleItem(string Key, BundleItemType Type, string Text, IReadOnlyList<string>? Choices, string? Score);

/// <summary>A participant known only by code; demographics are bands, never free text.</summary>
public sealed record BundleParticipant(string Code, BundleRole Role, BundleStage? WithdrawnAtStage, BundleDemographics Demographics);

/// <summary>Optional demographic bands (the values of <see cref="People.Demographics"/>).</summary>
public sealed record BundleDemographics(string? Gender, string? AgeBand, string? StaffGroup, string? Grade, string? YearsInRole, string? PriorMentoring)
{
    /// <summary>No demographics given.</summary>
    public static readonly BundleDemographics None = new(null, null, null, null, null, null);
}

/// <summary>One answer: one row per item, and per domain for a domain grid.</summary>
/// <param name="Domain">The domain's position, for domain-grid items only.</param>
public sealed record BundleAnswer(string Participant, string Instrument, int InstrumentVersion, string Item, int? Domain, double? Number, string? Text);

/// <summary>Whether a mentor said they would mentor a mentee.</summary>
public sealed record BundleWillingness(string Mentor, string Mentee, bool Willing);

/// <summary>An allocated pair; <see cref="Ended"/> when the pairing ended early.</summary>
public sealed record BundlePair(string Mentor, string Mentee, bool Ended);

/// <summary>A one-to-one session of a pair: whether it was held, how long it took and how the time felt.</summary>
public sealed record BundleSession(string Mentor, string Mentee, int Number, double? Minutes, TimeFelt? TimeFelt, bool Held);

/// <summary>A participant's side of the programme.</summary>
public enum BundleRole { Mentor, Mentee }

/// <summary>When a questionnaire is answered, in programme order (<see cref="BundleNames.StageOrder"/>).</summary>
public enum BundleStage { BeforePhase1, AfterPhase1, BeforePhase2, AfterPhase2, Before, After }

/// <summary>How a question is answered.</summary>
public enum BundleItemType { Scale, DomainGrid, YesNo, SingleChoice, Minutes, FreeText }

/// <summary>How the length of a session felt.</summary>
public enum TimeFelt { TooShort, AboutRight, TooLong }
