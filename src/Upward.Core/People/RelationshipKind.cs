namespace Upward.Core.People;

/// <summary>Ties between a mentor and a mentee that allocation must know about.</summary>
public enum RelationshipKind
{
    /// <summary>The mentee is the mentor's clinical supervisor (the study allowed such pairs).</summary>
    ClinicalSupervisor = 0,

    /// <summary>A declared conflict of interest: the two must never be paired.</summary>
    ConflictOfInterest = 1,
}
