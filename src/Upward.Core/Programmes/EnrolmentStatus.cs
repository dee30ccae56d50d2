namespace Upward.Core.Programmes;

/// <summary>How far a person has come into a programme.</summary>
public enum EnrolmentStatus
{
    Invited = 0,
    Consented = 1,
    Withdrawn = 2,

    /// <summary>Accepted the invitation but chose not to take part; may still change their mind.</summary>
    Declined = 3,
}
