namespace Upward.Core.Auditing;

/// <summary>Names of audited actions, kept in one place so the log reads consistently.</summary>
public static partial class AuditAction
{
    public const string AdministratorCreated = "administrator.created";
    /// <summary>An account reached a limit on wrong passwords (from one address or from everywhere); the subject is the user.</summary>
    public const string SignInThrottled = "sign-in.throttled";
    /// <summary>A password reset link was sent to an account's address; the subject is the user.</summary>
    public const string PasswordResetRequested = "password.reset-requested";
    /// <summary>A password was changed with a reset link; the subject is the user.</summary>
    public const string PasswordReset = "password.reset";
    /// <summary>A signed-in person changed their own password, proving the current one.</summary>
    public const string PasswordChanged = "password.changed";
    public const string EmailConfirmationSent = "email.confirmation-sent";
    public const string EmailConfirmed = "email.confirmed";
    /// <summary>An administrator listed the Outbox (email kept in the pickup folder when no SMTP server is set).</summary>
    public const string OutboxViewed = "outbox.viewed";
    /// <summary>An administrator opened one message in the Outbox; the subject is its file name.</summary>
    public const string OutboxMessageOpened = "outbox.message-opened";
    public const string DemoLoaded = "demo.loaded";
    /// <summary>'upward seed' made a synthetic programme (for benchmarks and demonstrations); the detail gives its size.</summary>
    public const string SyntheticProgrammeSeeded = "seed.loaded";
    public const string ProgrammeCreated = "programme.created";
    public const string ProgrammeStageChanged = "programme.stage-changed";
    public const string AllocationConfirmed = "allocation.confirmed";
    public const string PairingAddedByHand = "pairing.added-by-hand";
    public const string PairingEnded = "pairing.ended";
    public const string PairingFitAnswered = "pairing.fit-answered";
    public const string GroundRulesAccepted = "ground-rules.accepted";
    public const string GroundRulesChanged = "ground-rules.changed";
    public const string CalendarFeedCreated = "calendar-feed.created";
    public const string CalendarFeedRevoked = "calendar-feed.revoked";
    public const string SessionScheduled = "session.scheduled";
    public const string SessionHeld = "session.held";
    public const string ConcernRaised = "concern.raised";
    public const string ConcernAcknowledged = "concern.acknowledged";
    public const string ConcernAnswered = "concern.answered";
    public const string ConcernResolved = "concern.resolved";
    public const string EvaluationExported = "evaluation.exported";
    /// <summary>The coordinator saved the analysis plan (the detail is its SHA-256).</summary>
    public const string AnalysisPlanSaved = "analysis-plan.saved";
    /// <summary>The coordinator randomised a waitlist programme's mentees to start now or later (the detail has the seed and the counts).</summary>
    public const string WaitlistRandomised = "waitlist.randomised";
    /// <summary>The coordinator told the mentees their arms.</summary>
    public const string WaitlistReleased = "waitlist.released";
    /// <summary>The coordinator ended the later arm's waiting: it may now be paired.</summary>
    public const string WaitlistLaterArmStarted = "waitlist.later-arm-started";
    /// <summary>The coordinator drew a stepped wedge's departments into steps with their start dates (the detail has the seed, the steps and their dates).</summary>
    public const string SteppedWedgeDrawn = "stepped-wedge.drawn";
    /// <summary>The coordinator told the mentees their departments' start dates.</summary>
    public const string SteppedWedgeReleased = "stepped-wedge.released";
    /// <summary>A stepped wedge's step started, by the coordinator or on its date (the subject is "step N"): its mentees may now be paired.</summary>
    public const string SteppedWedgeStepStarted = "stepped-wedge.step-started";
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
