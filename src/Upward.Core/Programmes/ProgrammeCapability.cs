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

    /// <summary>Create, open, close and reword the programme's questionnaires.</summary>
    ManageQuestionnaires,

    /// <summary>Answer the questionnaires put to one's own role (one's own answers only).</summary>
    AnswerQuestionnaires,
}
