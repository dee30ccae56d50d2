using Upward.Core.Programmes;

namespace Upward.Core.Questionnaires;

/// <summary>A ready-made questionnaire for one audience at one stage of a programme type.</summary>
public sealed record BuiltInInstrument(string Key, ProgrammeRole Audience, Stage Stage, string Title, IReadOnlyList<BuiltInItem> Items)
{
    /// <summary>A fresh first version of this questionnaire for a programme.</summary>
    public Instrument CreateFor(Guid programmeId)
    {
        var instrument = new Instrument { ProgrammeId = programmeId, Key = Key, Title = Title, Introduction = Introduction };
        for (var i = 0; i < Items.Count; i++)
        {
            instrument.Items.Add(Items[i].Create(instrument.Id, i + 1));
        }
        return instrument;
    }

    private const string Introduction =
        "Your answers help the programme team learn what reverse mentoring changes. They are stored under a participant code, not your name, and nobody you are paired with will see them.";
}

/// <summary>An item of a built-in questionnaire before it belongs to an instrument.</summary>
public sealed record BuiltInItem(string Key, ItemType Type, string Text, string? Hint = null, string? Low = null, string? High = null,
    IReadOnlyList<string>? Choices = null, string? Unit = null, string? FollowUp = null, string? Score = null, bool Optional = false)
{
    public InstrumentItem Create(Guid instrumentId, int position) => new()
    {
        InstrumentId = instrumentId,
        Position = position,
        Key = Key,
        Type = Type,
        Text = Text,
        Hint = Hint,
        LowLabel = Low,
        HighLabel = High,
        Choices = [.. Choices ?? []],
        Unit = Unit,
        FollowUpText = FollowUp,
        ScoreName = Score,
        Optional = Optional,
    };
}

/// <summary>
/// The questionnaires each programme type starts with. For Clinical feedback they cover every measure
/// of the published study (Raju et al., BMJ Open 2022), in our own words.
/// </summary>
public static class BuiltInInstruments
{
    // Items shared between stages; the same key and score name at two stages is what makes them comparable.
    private static readonly BuiltInItem Concerns = new("concerns", ItemType.YesNo,
        "Do you have any worries about taking part in reverse mentoring?", FollowUp: "If yes, what are you worried about? (optional)", Score: "concerns");
    private static readonly BuiltInItem Easier = new("easier", ItemType.FreeText,
        "What would make giving or receiving this feedback easier for you?", Hint: "Leave this blank if nothing comes to mind.", Optional: true);
    private static readonly BuiltInItem Understanding = new("understanding", ItemType.Scale,
        "How well do you understand what reverse mentoring is and your part in it?", Low: "Not at all", High: "Very well", Score: "understanding");
    private static readonly BuiltInItem MentorImportance = new("importance", ItemType.DomainGrid,
        "How important is it that senior colleagues hear feedback from juniors about each of these areas?", Low: "Not important", High: "Very important", Score: "importance");
    private static readonly BuiltInItem MentorConfidence = new("confidence", ItemType.DomainGrid,
        "How confident do you feel giving a senior colleague feedback about each of these areas?", Low: "Not confident", High: "Very confident", Score: "confidence");
    private static readonly BuiltInItem MentorAbility = new("ability", ItemType.DomainGrid,
        "How able do you feel to give useful feedback about each of these areas?", Low: "Not able", High: "Very able", Score: "ability");
    private static readonly BuiltInItem MenteeAwareness = new("awareness", ItemType.DomainGrid,
        "How aware are you of how junior colleagues see you in each of these areas?", Low: "Not aware", High: "Very aware", Score: "awareness");
    private static readonly BuiltInItem MenteeImportance = new("importance", ItemType.DomainGrid,
        "How important to you is feedback from junior colleagues about each of these areas?", Low: "Not important", High: "Very important", Score: "importance");
    private static readonly BuiltInItem SessionLength = new("expected-length", ItemType.Minutes,
        "How long do you expect your one-to-one session to last?", Hint: "In minutes, for example 45.", Unit: "minutes", Score: "expected-length");
    private static readonly BuiltInItem ConcernsChange = new("concerns-change", ItemType.SingleChoice,
        "Compared with when you started, how are your worries about reverse mentoring now?",
        Choices: ["I have none now", "They are smaller", "They are the same", "They are bigger"], Score: "concerns-change");
    private static readonly BuiltInItem Experience = new("experience", ItemType.SingleChoice,
        "Overall, how was your experience of the programme?", Choices: ["Poor", "Fair", "Good", "Excellent"], Score: "experience");
    private static readonly BuiltInItem Useful = new("useful", ItemType.YesNo,
        "Did you find reverse mentoring useful?", FollowUp: "If yes, what was most useful? (optional)", Score: "useful");
    private static readonly BuiltInItem ChangePractice = new("change-practice", ItemType.YesNo,
        "Will you change anything about how you work because of it?", FollowUp: "If yes, what will you change? (optional)", Score: "change-practice");
    private static readonly BuiltInItem Appraisal = new("appraisal", ItemType.YesNo,
        "Should feedback from junior colleagues be part of senior clinicians' appraisal?", Score: "appraisal");
    private static readonly BuiltInItem Comments = new("comments", ItemType.FreeText,
        "Is there anything else you would like to tell us?", Hint: "Leave this blank if there is nothing to add.", Optional: true);

    public static readonly IReadOnlyList<BuiltInInstrument> ClinicalFeedback =
    [
        new("clinical-mentor-before-phase1", ProgrammeRole.Mentor, Stage.BeforePhase1, "Mentors: before the group feedback session",
            [Concerns, Easier, Understanding, MentorImportance, MentorConfidence, MentorAbility, Comments]),
        new("clinical-mentor-after-phase1", ProgrammeRole.Mentor, Stage.AfterPhase1, "Mentors: after the group feedback session",
            [Concerns, Understanding, MentorImportance, MentorConfidence, MentorAbility, Comments]),
        new("clinical-mentor-before-phase2", ProgrammeRole.Mentor, Stage.BeforePhase2, "Mentors: before the one-to-one session",
            [Concerns, Easier, Understanding, SessionLength, MentorImportance, MentorConfidence, MentorAbility, Comments]),
        new("clinical-mentee-before-phase2", ProgrammeRole.Mentee, Stage.BeforePhase2, "Mentees: before the one-to-one session",
            [Concerns, Easier, Understanding, SessionLength, MenteeAwareness, MenteeImportance, Comments]),
        new("clinical-mentor-after-phase2", ProgrammeRole.Mentor, Stage.AfterPhase2, "Mentors: after the one-to-one session",
            [Understanding, MentorImportance, MentorConfidence, MentorAbility, ConcernsChange, Experience, Useful, ChangePractice, Appraisal, Comments]),
        new("clinical-mentee-after-phase2", ProgrammeRole.Mentee, Stage.AfterPhase2, "Mentees: after the one-to-one session",
            [Understanding, MenteeAwareness, MenteeImportance, ConcernsChange, Experience, Useful, ChangePractice, Appraisal, Comments]),
    ];

    /// <summary>One phase, before and after, for the other templates: confidence and awareness per topic, experience and usefulness.</summary>
    public static readonly IReadOnlyList<BuiltInInstrument> OnePhase =
    [
        new("mentor-before", ProgrammeRole.Mentor, Stage.Before, "Mentors: before the programme",
            [Concerns, Understanding, MentorConfidence, Comments]),
        new("mentee-before", ProgrammeRole.Mentee, Stage.Before, "Mentees: before the programme",
            [Concerns, Understanding, MenteeAwareness, Comments]),
        new("mentor-after", ProgrammeRole.Mentor, Stage.After, "Mentors: after the programme",
            [Understanding, MentorConfidence, ConcernsChange, Experience, Useful, Comments]),
        new("mentee-after", ProgrammeRole.Mentee, Stage.After, "Mentees: after the programme",
            [Understanding, MenteeAwareness, ConcernsChange, Experience, Useful, ChangePractice, Comments]),
    ];

    public static IReadOnlyList<BuiltInInstrument> For(ProgrammeType type) =>
        type == ProgrammeType.ClinicalFeedback ? ClinicalFeedback : OnePhase;
}
