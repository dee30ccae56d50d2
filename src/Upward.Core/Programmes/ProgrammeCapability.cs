namespace Upward.Core.Programmes;

/// <summary>Things a person may do in a programme; <see cref="ProgrammeAccess"/> says who may do each.</summary>
public enum ProgrammeCapability
{
    /// <summary>See the programme's name, domains and one's own place in it.</summary>
    ViewOverview,

    /// <summary>Change settings and domains, invite people, move the programme through its life.</summary>
    Manage,

    /// <summary>See every participant's progress (the coordinator's board).</summary>
    ViewProgress,

    /// <summary>Consent, give demographics, see what is held, withdraw: one's own participation.</summary>
    TakePart,
}
