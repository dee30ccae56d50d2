namespace Upward.Core.Programmes;

/// <summary>Things a person may do in a programme; <see cref="ProgrammeAccess"/> says who may do each.</summary>
public enum ProgrammeCapability
{
    /// <summary>See the programme's name, domains and one's own place in it.</summary>
    ViewOverview,

    /// <summary>Change settings and domains, invite people, move the programme through its life.</summary>
    Manage,

    /// <summary>See every participant's progress (the coordinator's board).</summary>
    ViewProgress,

    /// <summary>Consent, give demographics, see what is held, withdraw: one's own participation.</summary>
    TakePart,
    /// <summary>Say which mentees one is willing to mentor (mentors).</summary>
    DeclareWillingness,

    /// <summary>See every mentor's willingness and its summary (coordinators and organisation admins; never mentees).</summary>
    ViewWillingness,

    /// <summary>Run phase 1: record the group's points, edit, review and release feedback briefs.</summary>
    FacilitatePhaseOne,

    /// <summary>Contribute anonymous feedback on mentees (mentors).</summary>
    ContributeFeedback,

    /// <summary>Read one's own released feedback brief (mentees).</summary>
    ReadOwnBrief,

    /// <summary>Name mentors one would like to meet or would rather not meet, where the programme allows (mentees).</summary>
    ChooseMentors,

    /// <summary>Say one's department, specialty and topics for allocation (mentors and mentees).</summary>
    DescribeOwnWork,

    /// <summary>Meet one's pair: ground rules, sessions, private notes, the mentee's action plan.</summary>
    HoldSessions,

    /// <summary>Raise a concern privately with the programme's lead.</summary>
    RaiseConcern,

    /// <summary>Read concerns raised in the programme (its coordinators only; not organisation admins).</summary>
    ReadConcerns,
    /// <summary>Create, open, close and reword the programme's questionnaires.</summary>
    ManageQuestionnaires,

    /// <summary>Answer the questionnaires put to one's own role (one's own answers only).</summary>
    AnswerQuestionnaires,

    /// <summary>Read the evaluation report and take its de-identified exports (coordinators and researchers).</summary>
    ViewEvaluation,
    /// <summary>Keep the codebook, code free-text answers, compare coders and build Table 1 (researchers).</summary>
    CodeFreeText,

    /// <summary>Read free-text answers under participant codes and mask identifying words (researchers and coordinators).</summary>
    RedactFreeText,

    /// <summary>Read an answer's original text kept after redaction (coordinators only).</summary>
    ReadOriginalText,

    /// <summary>Read the preparation modules, do their self-checks and the self-assessment (mentors).</summary>
    PrepareToMentor,

    /// <summary>Claim expenses (mentors; the page lets only patient and carer mentors claim).</summary>
    ClaimExpenses,

    /// <summary>Write one's reflective summary and take it as appraisal evidence (mentees).</summary>
    ReflectForAppraisal,

    /// <summary>Take one's certificate and participation record (mentors).</summary>
    RecordOwnParticipation,

    /// <summary>Read the mentees' preparation module and do its self-check (mentees).</summary>
    PrepareToBeMentored,
}
