namespace Upward.Core.Bundles;

/// <summary>
/// A research bundle (format "upward-research-bundle", version 3): everything needed to re-run a
/// programme's evaluation offline, with participants known only by their pseudonymous codes.
/// Version 2 adds the content analysis (codebook, codings, chosen quotes) so Table 1 can be
/// recomputed; version 3 adds the programme's own analysis plan and a waitlist control's
/// randomisation (its seed, the unit drawn, a stepped wedge's steps with their start dates, and each
/// mentee's arm or step), so the designed report is reproduced. Versions 1
/// and 2 are still read, as bundles with an empty codebook and no plan or arms.
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

    /// <summary>The version this build writes; it also reads <see cref="OldestReadable"/> onwards.</summary>
    public const int Version = 3;

    /// <summary>The oldest version this build reads (version 1 has no codebook, codings or quotes).</summary>
    public const int OldestReadable = 1;

    /// <summary>The codebook of the content analysis (empty in a version 1 bundle).</summary>
    public IReadOnlyList<BundleTheme> Themes { get; init; } = [];

    /// <summary>Themes attached to free-text answers, every coder's merged, with no coder named.</summary>
    public IReadOnlyList<BundleCoding> Codings { get; init; } = [];

    /// <summary>The answer chosen to stand for each theme in Table 1, only ever from someone who agreed to be quoted.</summary>
    public IReadOnlyList<BundleQuote> Quotes { get; init; } = [];

    /// <summary>The programme's own analysis plan; null when it kept the template's (and in versions 1 and 2).</summary>
    public Evaluation.AnalysisPlan? Plan { get; init; }

    /// <summary>A waitlist control's randomisation seed; null for any other design (and in versions 1 and 2).</summary>
    public long? RandomisationSeed { get; init; }

    /// <summary>What the randomisation drew: each mentee (the default, and in bundles that do not say) or whole departments.</summary>
    public Designs.RandomisedUnit RandomisedUnit { get; init; }

    /// <summary>A stepped wedge's steps with their planned start dates; empty for any other design.</summary>
    public IReadOnlyList<BundleStep> Steps { get; init; } = [];

    /// <summary>
    /// Each randomised mentee's arm by participant code (from <see cref="BundleParticipant.Arm"/>); in a
    /// stepped wedge, the first period's arm of their step (step 1 starts now, the rest wait).
    /// </summary>
    public IReadOnlyDictionary<string, Designs.Arm> Arms =>
        Participants.Where(p => p.Arm is not null || p.Step is not null)
            .ToDictionary(p => p.Code, p => p.Arm ?? Designs.Steps.ArmOf(p.Step!.Value), StringComparer.Ordinal);

    /// <summary>Each mentee's step in a stepped wedge by participant code (from <see cref="BundleParticipant.Step"/>).</summary>
    public IReadOnlyDictionary<string, int> StepsByCode =>
        Participants.Where(p => p.Step is not null).ToDictionary(p => p.Code, p => p.Step!.Value, StringComparer.Ordinal);
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
public sealed record BundleParticipant(string Code, BundleRole Role, BundleStage? WithdrawnAtStage, BundleDemographics Demographics)
{
    /// <summary>Whether they agreed to be quoted anonymously; quotes from anyone else are refused.</summary>
    public bool MayBeQuoted { get; init; }

    /// <summary>A mentee's arm in a waitlist control (version 3); null otherwise.</summary>
    public Designs.Arm? Arm { get; init; }

    /// <summary>A mentee's step in a stepped wedge (version 3); null otherwise.</summary>
    public int? Step { get; init; }
}

/// <summary>One step of a stepped wedge and the date it was planned to start, in the programme's time zone.</summary>
public sealed record BundleStep(int Number, DateOnly StartsOn);

/// <summary>Optional demographic bands (the values of <see cref="People.Demographics"/>).</summary>
public sealed record BundleDemographics(string? Gender, string? AgeBand, string? StaffGroup, string? Grade, string? YearsInRole, string? PriorMentoring)
{
    /// <summary>No demographics given.</summary>
    public static readonly BundleDemographics None = new(null, null, null, null, null, null);
}

/// <summary>One answer: one row per item, and per domain for a domain grid.</summary>
/// <param name="Domain">The domain's position, for domain-grid items only.</param>
public sealed record BundleAnswer(string Participant, string Instrument, int InstrumentVersion, string Item, int? Domain, double? Number, string? Text);

/// <summary>Which answer a coding or quote is about: free-text answers have no domain, so these four name one answer.</summary>
public sealed record BundleAnswerReference(string Participant, string Instrument, int InstrumentVersion, string Item);

/// <summary>A theme of the codebook; <see cref="Parent"/> names another theme, <see cref="Definition"/> may be empty.</summary>
public sealed record BundleTheme(string Name, string Definition, string? Parent);

/// <summary>A theme attached to an answer, or to the passage of its (redacted) text at <see cref="PassageStart"/> for <see cref="PassageLength"/> characters.</summary>
public sealed record BundleCoding(BundleAnswerReference Answer, string Theme, int? PassageStart, int? PassageLength);

/// <summary>The answer chosen as a theme's representative quote in Table 1.</summary>
public sealed record BundleQuote(string Theme, BundleAnswerReference Answer);

/// <summary>Whether a mentor said they would mentor a mentee.</summary>
public sealed record BundleWillingness(string Mentor, string Mentee, bool Willing);

/// <summary>An allocated pair; <see cref="Ended"/> when the pairing ended early.</summary>
public sealed record BundlePair(string Mentor, string Mentee, bool Ended);

/// <summary>A one-to-one session of a pair: whether it was held, how long it took and how the time felt.</summary>
public sealed record BundleSession(string Mentor, string Mentee, int Number, double? Minutes, TimeFelt? TimeFelt, bool Held);

/// <summary>A participant's side of the programme.</summary>
public enum BundleRole { Mentor, Mentee }

/// <summary>When a questionnaire is answered, in programme order (<see cref="BundleNames.StageOrder"/>).</summary>
/// <remarks><see cref="BundleStage.BeforeAgain"/> is the waiting list's second before-questionnaire (waitlist control programmes only).</remarks>
public enum BundleStage { BeforePhase1, AfterPhase1, BeforePhase2, AfterPhase2, Before, After, BeforeAgain }

/// <summary>How a question is answered.</summary>
public enum BundleItemType { Scale, DomainGrid, YesNo, SingleChoice, Minutes, FreeText }

/// <summary>How the length of a session felt.</summary>
public enum TimeFelt { TooShort, AboutRight, TooLong }
