namespace Upward.Core.Auditing;

// Sign-in methods and second factors; kept apart so account work and other features add names without colliding.
public static partial class AuditAction
{
    /// <summary>An administrator changed the organisation's sign-in settings; the detail names what changed, never the secret.</summary>
    public const string OrganisationSignInChanged = "organisation-sign-in.changed";
    public const string SignedInWithOrganisation = "sign-in.organisation";
    /// <summary>An existing account linked to the organisation's provider on its first organisation sign-in (by verified email).</summary>
    public const string OrganisationAccountLinked = "sign-in.organisation-linked";
    /// <summary>An account created by a first organisation sign-in.</summary>
    public const string OrganisationAccountCreated = "sign-in.organisation-account-created";
    /// <summary>An organisation sign-in refused; the detail says why (unverified email, domain not allowed…), never the address.</summary>
    public const string OrganisationSignInRefused = "sign-in.organisation-refused";
    public const string TwoFactorEnabled = "two-factor.enabled";
    public const string TwoFactorDisabled = "two-factor.disabled";
    public const string RecoveryCodeUsed = "two-factor.recovery-code-used";
    public const string RecoveryCodesRenewed = "two-factor.recovery-codes-renewed";
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRemoved = "passkey.removed";
    public const string SignedInWithPasskey = "sign-in.passkey";
}
