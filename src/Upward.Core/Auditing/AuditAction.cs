namespace Upward.Core.Auditing;

/// <summary>Names of audited actions, kept in one place so the log reads consistently.</summary>
public static partial class AuditAction
{
    public const string AdministratorCreated = "administrator.created";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string DemoLoaded = "demo.loaded";
    public const string ProgrammeCreated = "programme.created";
    public const string ProgrammeStageChanged = "programme.stage-changed";
    public const string AllocationConfirmed = "allocation.confirmed";
    public const string PairingAddedByHand = "pairing.added-by-hand";
    public const string PairingEnded = "pairing.ended";
    public const string GroundRulesAccepted = "ground-rules.accepted";
    public const string SessionScheduled = "session.scheduled";
    public const string SessionHeld = "session.held";
    public const string ConcernRaised = "concern.raised";
    public const string EvaluationExported = "evaluation.exported";
    public const string BundleImported = "bundle.imported";
    public const string InvitationSent = "invitation.sent";
    public const string ConsentRecorded = "consent.recorded";
    public const string Withdrawn = "participant.withdrawn";
    public const string RoleChanged = "role.changed";
    public const string InvitationAccepted = "invitation.accepted";
    public const string RelationshipDeclared = "relationship.declared";
    public const string RelationshipRemoved = "relationship.removed";
    public const string ApplicationSubmitted = "application.submitted";
    public const string ApplicationDecided = "application.decided";
    public const string PersonalDataViewed = "personal-data.viewed";
    public const string WillingnessRecorded = "willingness.recorded";
    public const string BriefModerated = "brief.moderated";
    public const string BriefReviewed = "brief.reviewed";
    public const string BriefReleased = "brief.released";
    public const string PhaseOneSettingsChanged = "phase-one.settings-changed";
    /// <summary>A programme's settings changed; the entry's detail has every changed setting's old and new value.</summary>
    public const string ProgrammeSettingsChanged = "programme.settings-changed";
    public const string QuestionnaireSubmitted = "questionnaire.submitted";
    public const string QuestionnaireWavesCreated = "questionnaire.waves-created";
    public const string QuestionnaireWaveOpened = "questionnaire.wave-opened";
    public const string QuestionnaireWaveClosed = "questionnaire.wave-closed";
    public const string QuestionnaireReworded = "questionnaire.reworded";
    public const string FreeTextRedacted = "free-text.redacted";
    public const string ThemesMerged = "themes.merged";
    public const string CodingSettled = "coding.settled";
    public const string Exported = "export";
    /// <summary>A theme renamed, redefined or moved under another; the subject names the theme by id and what changed, never its words.</summary>
    public const string ThemeChanged = "themes.changed";
    /// <summary>A theme opened in the codebook; the subject is its id.</summary>
    public const string ThemeOpened = "themes.opened";
    /// <summary>The answer standing for a theme in Table 1 chosen or changed: what may be published.</summary>
    public const string QuoteChosen = "themes.quote-chosen";
}
