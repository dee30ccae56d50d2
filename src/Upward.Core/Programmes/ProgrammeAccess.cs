namespace Upward.Core.Programmes;

/// <summary>
/// Who may do what in a programme: the one place these rules live, so every page and endpoint
/// asks the same question. Membership of the programme's organisation is checked before this.
/// </summary>
public static class ProgrammeAccess
{
    /// <summary>Whether someone holding <paramref name="roles"/> in the programme (and perhaps administering its organisation) may act.</summary>
    public static bool Allows(ProgrammeCapability capability, IReadOnlyCollection<ProgrammeRole> roles, bool isOrganisationAdmin) =>
        capability switch
        {
            ProgrammeCapability.ViewOverview => isOrganisationAdmin || roles.Count > 0,
            ProgrammeCapability.Manage => isOrganisationAdmin || roles.Contains(ProgrammeRole.Coordinator),
            ProgrammeCapability.ViewProgress => isOrganisationAdmin || roles.Contains(ProgrammeRole.Coordinator),
            // Only a participant has a participation to manage; administering the organisation gives none.
            ProgrammeCapability.TakePart => roles.Count > 0,
            ProgrammeCapability.ViewEvaluation => roles.Contains(ProgrammeRole.Coordinator) || roles.Contains(ProgrammeRole.Researcher),
            ProgrammeCapability.HoldSessions => roles.Contains(ProgrammeRole.Mentor) || roles.Contains(ProgrammeRole.Mentee),
            ProgrammeCapability.RaiseConcern => roles.Count > 0,
            // A concern can name colleagues: only the programme's own leads read it, each only the
            // concerns sent to them (ConcernRoutes).
            ProgrammeCapability.ReadConcerns => roles.Contains(ProgrammeRole.Coordinator) || roles.Contains(ProgrammeRole.ConcernsLead),
            // Phase 1. A mentee never holds a capability that shows what mentors said or whom they would mentor.
            ProgrammeCapability.DeclareWillingness => roles.Contains(ProgrammeRole.Mentor),
            ProgrammeCapability.ViewWillingness => isOrganisationAdmin || roles.Contains(ProgrammeRole.Coordinator),
            ProgrammeCapability.FacilitatePhaseOne => roles.Contains(ProgrammeRole.Facilitator) || roles.Contains(ProgrammeRole.Coordinator),
            ProgrammeCapability.ContributeFeedback => roles.Contains(ProgrammeRole.Mentor),
            ProgrammeCapability.ReadOwnBrief => roles.Contains(ProgrammeRole.Mentee),
            ProgrammeCapability.ChooseMentors => roles.Contains(ProgrammeRole.Mentee),
            // Department, specialty and topics exist only to allocate, so only those allocated give them.
            ProgrammeCapability.DescribeOwnWork => roles.Contains(ProgrammeRole.Mentor) || roles.Contains(ProgrammeRole.Mentee),
            ProgrammeCapability.ManageQuestionnaires => isOrganisationAdmin || roles.Contains(ProgrammeRole.Coordinator),
            ProgrammeCapability.AnswerQuestionnaires => roles.Contains(ProgrammeRole.Mentor) || roles.Contains(ProgrammeRole.Mentee),
            // Free text. Coding is the researchers' alone: a coordinator can put names to participant
            // codes, so what a code wrote stays away from them except to redact it; no admin, facilitator, mentor or mentee.
            ProgrammeCapability.CodeFreeText => roles.Contains(ProgrammeRole.Researcher),
            ProgrammeCapability.RedactFreeText => roles.Contains(ProgrammeRole.Researcher) || roles.Contains(ProgrammeRole.Coordinator),
            ProgrammeCapability.ReadOriginalText => roles.Contains(ProgrammeRole.Coordinator),
            // Preparation, expenses and recognition are the mentor's own; the appraisal reflection the mentee's
            // alone: nobody else, not even a coordinator, reads it.
            ProgrammeCapability.PrepareToMentor => roles.Contains(ProgrammeRole.Mentor),
            ProgrammeCapability.ClaimExpenses => roles.Contains(ProgrammeRole.Mentor),
            ProgrammeCapability.ReflectForAppraisal => roles.Contains(ProgrammeRole.Mentee),
            ProgrammeCapability.RecordOwnParticipation => roles.Contains(ProgrammeRole.Mentor),
            ProgrammeCapability.PrepareToBeMentored => roles.Contains(ProgrammeRole.Mentee),
            _ => false,
        };

    /// <summary>A programme's design (domains, type) may change only while it is a draft.</summary>
    public static bool DesignIsEditable(ProgrammeStatus status) => status == ProgrammeStatus.Draft;

    /// <summary>The next status in a programme's life, or null once it is closed.</summary>
    public static ProgrammeStatus? NextStatus(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Draft => ProgrammeStatus.Recruiting,
        ProgrammeStatus.Recruiting => ProgrammeStatus.Running,
        ProgrammeStatus.Running => ProgrammeStatus.Evaluating,
        ProgrammeStatus.Evaluating => ProgrammeStatus.Closed,
        _ => null,
    };
}
