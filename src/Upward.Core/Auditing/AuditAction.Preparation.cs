namespace Upward.Core.Auditing;

/// <summary>Audited actions of preparation, readiness, patient mentors, certificates and appraisal evidence.</summary>
public static partial class AuditAction
{
    /// <summary>Upward copied its own preparation modules into a programme on first use.</summary>
    public const string ModulesCopied = "preparation.modules-copied";
    /// <summary>A coordinator saved a new version of a module; the subject is "module:key:version".</summary>
    public const string ModuleChanged = "preparation.module-changed";
    /// <summary>A mentor got every self-check question of a module right; the subject is "module:key:version".</summary>
    public const string ModuleCompleted = "preparation.module-completed";
    /// <summary>A mentor gave or changed their self-assessment.</summary>
    public const string SelfAssessed = "preparation.self-assessed";
    /// <summary>A coordinator recorded a mentor at an induction or group supervision; the subject is the enrolment, the detail kind and day.</summary>
    public const string AttendanceRecorded = "preparation.attendance-recorded";
    /// <summary>A coordinator said whether a participant takes part as a patient or carer.</summary>
    public const string PatientMentorSet = "preparation.patient-mentor-set";
    /// <summary>The preparation, safeguarding and certificate settings changed; the detail has old and new values.</summary>
    public const string PreparationSettingsChanged = "preparation.settings-changed";
    /// <summary>A patient mentor claimed expenses; the subject is the claim (never its words).</summary>
    public const string ExpenseClaimed = "expenses.claimed";
    /// <summary>A coordinator moved a claim on (approved, paid); the detail is the new status.</summary>
    public const string ExpenseStatusChanged = "expenses.status-changed";
    /// <summary>A mentor who met the criteria was given their certificate; the subject is the certificate.</summary>
    public const string CertificateIssued = "certificate.issued";
    /// <summary>A mentee asked for a colleague to be invited to give anonymous 360° feedback; the subject is the invitation. Nothing the colleague does is audited.</summary>
    public const string ColleagueInvited = "colleagues.invited";
    /// <summary>A coordinator approved a mentee's request and the colleague's link was emailed; the subject is the invitation.</summary>
    public const string ColleagueInvitationApproved = "colleagues.approved";
    /// <summary>A coordinator declined a mentee's request to invite a colleague; no email was sent. The subject is the invitation.</summary>
    public const string ColleagueInvitationDeclined = "colleagues.declined";
    /// <summary>A facilitator removed a colleague's comment before the mentee saw it; the subject is the mentee's enrolment (never the words).</summary>
    public const string ColleagueCommentRemoved = "colleagues.comment-removed";
    /// <summary>A facilitator let the mentee see the colleagues' comments they had read; the subject is the mentee's enrolment.</summary>
    public const string ColleagueFeedbackShown = "colleagues.feedback-shown";
    /// <summary>A mentee saved their reflective summary for appraisal.</summary>
    public const string ReflectionSaved = "appraisal.reflection-saved";
    /// <summary>A participant downloaded their own appraisal evidence or participation record; the subject is which.</summary>
    public const string AppraisalEvidenceDownloaded = "appraisal.downloaded";
}
