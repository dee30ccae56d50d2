namespace Upward.Core.Matching;

/// <summary>Why a mentee was left without a mentor.</summary>
public enum UnmatchedReason
{
    /// <summary>No mentor with places this round is willing to take the mentee.</summary>
    NobodyWilling,

    /// <summary>Some mentors are willing, but every one of them is already full.</summary>
    AllWillingMentorsFull,
}
