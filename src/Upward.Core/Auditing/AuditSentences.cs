namespace Upward.Core.Auditing;

/// <summary>
/// Turns each audited action into a sentence a programme lead reads without a glossary: "Dr Priya
/// Shah opened the before phase 1 questionnaire for mentors in Gastroenterology pilot". The one place
/// these words live; a test checks that every <see cref="AuditAction"/> has one.
/// </summary>
public static class AuditSentences
{
    /// <summary>
    /// What a sentence is built from: who acted (null when Upward itself or an anonymous visitor did),
    /// the programme's name (if the action belongs to one) and the thing acted on, already in words
    /// ("the before phase 1 questionnaire for mentors"), when the reader could find it.
    /// </summary>
    public sealed record Words(string? Actor, string? Programme, string? Thing)
    {
        internal string By => Actor ?? "Upward";
        internal string Someone => Actor ?? "Someone";
        internal string In => Programme is null ? "" : $" in {Programme}";
        internal string ProgrammeOr(string fallback) => Programme ?? fallback;
    }

    private static readonly Dictionary<string, Func<Words, string>> Sentences = new(StringComparer.Ordinal)
    {
        [AuditAction.AdministratorCreated] = w => $"{w.By} set up Upward for the organisation and became its first administrator",
        [AuditAction.SignInThrottled] = w => $"Upward slowed down sign-in for {w.Thing ?? "an account"} after too many wrong passwords",
        [AuditAction.PasswordResetRequested] = w => $"{w.Someone} asked for a link to reset the password of {w.Thing ?? "an account"}",
        [AuditAction.PasswordReset] = w => $"{w.Thing ?? w.Someone} set a new password with a reset link",
        [AuditAction.PasswordChanged] = w => $"{w.By} changed their password",
        [AuditAction.EmailConfirmationSent] = w => $"Upward sent {w.Thing ?? "an account"} a link to confirm their email address",
        [AuditAction.EmailConfirmed] = w => $"{w.Thing ?? w.Someone} confirmed their email address",
        [AuditAction.OutboxViewed] = w => $"{w.By} looked at the Outbox",
        [AuditAction.OutboxMessageOpened] = w => $"{w.By} opened an email in the Outbox",
        [AuditAction.DemoLoaded] = w => "Upward loaded the demonstration programme and its people",
        [AuditAction.SyntheticProgrammeSeeded] = w => $"The command 'upward seed' made the synthetic programme {w.ProgrammeOr("(no longer named)")} and its people",
        [AuditAction.ProgrammeCreated] = w => $"{w.By} started the programme {w.ProgrammeOr("(no longer named)")}",
        [AuditAction.ProgrammeStageChanged] = w => $"{w.By} moved {w.ProgrammeOr("a programme")} {(w.Thing is null ? "to its next stage" : "to " + w.Thing)}",
        [AuditAction.ProgrammeSettingsChanged] = w => $"{w.By} changed the settings of {w.ProgrammeOr("a programme")}",
        [AuditAction.AllocationConfirmed] = w => $"{w.By} confirmed the allocation of mentors to mentees{(w.Thing is null ? "" : " " + w.Thing)}{w.In}",
        [AuditAction.PairingAddedByHand] = w => $"{w.By} paired a mentor with a mentee by hand{w.In}",
        [AuditAction.PairingEnded] = w => $"{w.By} ended a pairing{w.In}",
        [AuditAction.PairingFitAnswered] = w => $"{w.By} said privately whether to carry on with their pairing{w.In}",
        [AuditAction.GroundRulesAccepted] = w => $"{w.By} accepted the ground rules{w.In}",
        [AuditAction.GroundRulesChanged] = w => $"{w.By} changed the ground rules{w.In}",
        [AuditAction.CalendarFeedCreated] = w => $"{w.By} made a private calendar subscription for their sessions",
        [AuditAction.CalendarFeedRevoked] = w => $"{w.By} turned off their calendar subscription",
        [AuditAction.SessionScheduled] = w => $"{w.By} suggested or agreed a time for a session{w.In}",
        [AuditAction.SessionHeld] = w => $"{w.By} recorded that a session was held{w.In}",
        [AuditAction.ConcernRaised] = w => $"{w.By} raised a concern{w.In}",
        [AuditAction.ConcernAcknowledged] = w => $"{w.By} marked a concern as read{w.In}",
        [AuditAction.ConcernAnswered] = w => $"{w.By} answered a concern{w.In}",
        [AuditAction.ConcernResolved] = w => $"{w.By} marked a concern as resolved{w.In}",
        [AuditAction.AnalysisPlanSaved] = w => $"{w.By} saved the analysis plan{w.In}",
        [AuditAction.WaitlistRandomised] = w => $"{w.By} randomised the mentees to start now or later{w.In}",
        [AuditAction.WaitlistReleased] = w => $"{w.By} told the mentees whether they start now or later{w.In}",
        [AuditAction.WaitlistLaterArmStarted] = w => $"{w.By} started the later arm's mentoring{w.In}",
        [AuditAction.SteppedWedgeDrawn] = w => $"{w.By} drew the departments into the stepped wedge's steps{w.In}",
        [AuditAction.SteppedWedgeReleased] = w => $"{w.By} told the mentees when their departments start{w.In}",
        [AuditAction.SteppedWedgeStepStarted] = w => $"{w.By} started {w.Thing ?? "a step"} of the stepped wedge{w.In}",
        [AuditAction.EvaluationExported] = w => $"{w.By} downloaded {w.Thing ?? "an export of the evaluation"}{w.In}",
        [AuditAction.BundleImported] = w => $"{w.By} imported a research bundle as {w.ProgrammeOr("a new programme")}",
        [AuditAction.InvitationSent] = w => $"{w.By} sent an invitation{(w.Thing is null ? "" : " to " + w.Thing)}{w.In}",
        [AuditAction.InvitationAccepted] = w => $"{w.By} accepted their invitation{(w.Programme is null ? "" : " to " + w.Programme)}",
        [AuditAction.ConsentRecorded] = w => $"{w.By} gave their consent decisions{w.In}",
        [AuditAction.Withdrawn] = w => $"{w.By} withdrew from {w.ProgrammeOr("a programme")}",
        [AuditAction.RoleChanged] = w => $"{w.By} changed a person's role{w.In}",
        [AuditAction.RelationshipDeclared] = w => $"{w.By} recorded a clinical supervisor or a conflict of interest{w.In}",
        [AuditAction.RelationshipRemoved] = w => $"{w.By} removed a clinical supervisor or a conflict of interest{w.In}",
        [AuditAction.ApplicationSubmitted] = w => $"{w.Someone} applied to join {w.ProgrammeOr("a programme")}",
        [AuditAction.ApplicationDecided] = w => $"{w.By} decided on an application to join {w.ProgrammeOr("a programme")}",
        [AuditAction.PersonalDataViewed] = w => $"{w.By} looked at what Upward holds about them{w.In}",
        [AuditAction.WillingnessRecorded] = w => $"{w.By} said whom they are willing to mentor{w.In}",
        [AuditAction.BriefModerated] = w => $"{w.By} edited a feedback brief{w.In}",
        [AuditAction.BriefReviewed] = w => $"{w.By} reviewed a feedback brief{w.In}",
        [AuditAction.BriefReleased] = w => $"{w.By} released a feedback brief to {w.Thing ?? "its reader"}{w.In}",
        [AuditAction.PhaseOneSettingsChanged] = w => $"{w.By} changed how phase 1 feedback is gathered{w.In}",
        [AuditAction.QuestionnaireSubmitted] = w => $"{w.By} sent their answers to {w.Thing ?? "a questionnaire"}{w.In}",
        [AuditAction.QuestionnaireWavesCreated] = w => $"{w.By} added the standard questionnaires{w.In}",
        [AuditAction.QuestionnaireWaveOpened] = w => $"{w.By} opened {w.Thing ?? "a questionnaire"}{w.In}",
        [AuditAction.QuestionnaireWaveClosed] = w => $"{w.By} closed {w.Thing ?? "a questionnaire"}{w.In}",
        [AuditAction.QuestionnaireReworded] = w => $"{w.By} changed the wording of a question{w.In}",
        [AuditAction.FreeTextRedacted] = w => $"{w.By} masked identifying words in a free-text answer{w.In}",
        [AuditAction.ThemesMerged] = w => $"{w.By} merged two themes of the codebook{w.In}",
        [AuditAction.CodingSettled] = w => $"{w.By} settled a difference between two coders{w.In}",
        [AuditAction.Exported] = w => $"{w.By} downloaded {w.Thing ?? "a file of the programme's data"}{w.In}",
        [AuditAction.ThemeChanged] = w => $"{w.By} changed a theme of the codebook{w.In}",
        [AuditAction.ThemeOpened] = w => $"{w.By} added a theme to the codebook{w.In}",
        [AuditAction.QuoteChosen] = w => $"{w.By} chose the quote that stands for a theme in Table 1{w.In}",
        [AuditAction.TimelineChanged] = w => $"{w.By} changed the dates of {(w.Thing is null ? "a step of the timeline" : "the step " + w.Thing)}{w.In}",
        [AuditAction.TimelineOpened] = w => $"Upward opened the questionnaires of {(w.Thing is null ? "a step" : "the step " + w.Thing)} on its first day, as the timeline set{w.In}",
        [AuditAction.TimelineClosed] = w => $"Upward closed the questionnaires of {(w.Thing is null ? "a step" : "the step " + w.Thing)} after its last day, as the timeline set{w.In}",
        [AuditAction.AnswerRemindersSent] = w => $"{w.By} reminded those who had not answered {w.Thing ?? "a questionnaire"}{w.In}",
        [AuditAction.InvitationReminded] = w => $"Upward sent the one reminder of an invitation nobody had answered, with a fresh link{w.In}",
        [AuditAction.NotificationEmailSent] = w => $"Upward emailed a notification{(w.Thing is null ? "" : " (" + w.Thing + ")")}{w.In}",
        [AuditAction.NotificationEmailFailed] = w => $"Upward could not email a notification after every try{(w.Thing is null ? "" : " (" + w.Thing + ")")}{w.In}",
        [AuditAction.NotificationPreferenceChanged] = w => $"{w.By} changed which emails they get",
        [AuditAction.NotificationTextChanged] = w => $"{w.By} changed the wording of a kind of notification{w.In}",
        [AuditAction.OrganisationSignInChanged] = w => $"{w.By} changed how staff sign in with their organisation account",
        [AuditAction.SignedInWithOrganisation] = w => $"{w.By} signed in with their organisation account",
        [AuditAction.OrganisationAccountLinked] = w => $"{w.By} signed in with their organisation account for the first time, and it was linked to their Upward account",
        [AuditAction.OrganisationAccountCreated] = w => $"{w.By} signed in with their organisation account for the first time, which made their Upward account",
        [AuditAction.OrganisationSignInRefused] = w => "Upward refused a sign-in with an organisation account",
        [AuditAction.TwoFactorEnabled] = w => $"{w.By} turned on sign-in with an authenticator app",
        [AuditAction.TwoFactorDisabled] = w => $"{w.By} turned off sign-in with an authenticator app",
        [AuditAction.RecoveryCodeUsed] = w => $"{w.By} signed in with a recovery code",
        [AuditAction.RecoveryCodesRenewed] = w => $"{w.By} made a new set of recovery codes",
        [AuditAction.PasskeyAdded] = w => $"{w.By} added a passkey",
        [AuditAction.PasskeyRemoved] = w => $"{w.By} removed a passkey",
        [AuditAction.SignedInWithPasskey] = w => $"{w.By} signed in with a passkey",
        [AuditAction.ModulesCopied] = w => $"Upward copied its preparation modules into the programme, ready to edit{w.In}",
        [AuditAction.ModuleChanged] = w => $"{w.By} saved a new version of {w.Thing ?? "a preparation module"}{w.In}",
        [AuditAction.ModuleCompleted] = w => $"{w.By} finished {w.Thing ?? "a preparation module"} and its self-check{w.In}",
        [AuditAction.SelfAssessed] = w => $"{w.By} gave their self-assessment before pairing{w.In}",
        [AuditAction.AttendanceRecorded] = w => $"{w.By} recorded a mentor's attendance at an induction or group supervision{w.In}",
        [AuditAction.PatientMentorSet] = w => $"{w.By} said whether a mentor takes part as a patient or carer{w.In}",
        [AuditAction.PreparationSettingsChanged] = w => $"{w.By} changed the preparation, safeguarding and certificate settings{w.In}",
        [AuditAction.ExpenseClaimed] = w => $"{w.By} claimed expenses{w.In}",
        [AuditAction.ExpenseStatusChanged] = w => $"{w.By} moved an expenses claim on{w.In}",
        [AuditAction.CertificateIssued] = w => $"{w.By} was given their certificate of participation{w.In}",
        [AuditAction.ColleagueInvited] = w => $"{w.By} asked for a colleague to be invited to give anonymous feedback{w.In}",
        [AuditAction.ColleagueInvitationApproved] = w => $"{w.By} approved a colleague's invitation to give anonymous feedback, and it was sent{w.In}",
        [AuditAction.ColleagueInvitationDeclined] = w => $"{w.By} declined a request to invite a colleague to give anonymous feedback{w.In}",
        [AuditAction.ColleagueCommentRemoved] = w => $"{w.By} removed a colleague's comment before the mentee saw it{w.In}",
        [AuditAction.ColleagueFeedbackShown] = w => $"{w.By} let a mentee see their colleagues' feedback{w.In}",
        [AuditAction.ReflectionSaved] = w => $"{w.By} saved their reflective summary for appraisal{w.In}",
        [AuditAction.AppraisalEvidenceDownloaded] = w => $"{w.By} downloaded {w.Thing ?? "their appraisal evidence"}{w.In}",
    };

    /// <summary>Whether <paramref name="action"/> has its own sentence.</summary>
    public static bool Has(string action) => Sentences.ContainsKey(action);

    /// <summary>The sentence for an action; an action recorded by an older version and since renamed still reads, with its code.</summary>
    public static string Of(string action, Words words) =>
        Sentences.TryGetValue(action, out var sentence) ? sentence(words) : $"{words.By}: {action}{words.In}";
}
