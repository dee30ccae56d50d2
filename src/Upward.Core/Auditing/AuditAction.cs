namespace Upward.Core.Auditing;

/// <summary>Names of audited actions, kept in one place so the log reads consistently.</summary>
public static class AuditAction
{
    public const string AdministratorCreated = "administrator.created";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string DemoLoaded = "demo.loaded";
    public const string ProgrammeCreated = "programme.created";
    public const string InvitationSent = "invitation.sent";
    public const string ConsentRecorded = "consent.recorded";
    public const string Withdrawn = "participant.withdrawn";
    public const string RoleChanged = "role.changed";
    public const string QuestionnaireSubmitted = "questionnaire.submitted";
    public const string QuestionnaireWavesCreated = "questionnaire.waves-created";
    public const string QuestionnaireWaveOpened = "questionnaire.wave-opened";
    public const string QuestionnaireWaveClosed = "questionnaire.wave-closed";
    public const string QuestionnaireReworded = "questionnaire.reworded";
}
