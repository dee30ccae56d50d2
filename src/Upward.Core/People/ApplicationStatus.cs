namespace Upward.Core.People;

/// <summary>Where an expression of interest stands.</summary>
public enum ApplicationStatus
{
    Pending = 0,
    Approved = 1,
    Declined = 2,
}
