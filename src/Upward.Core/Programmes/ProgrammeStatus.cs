namespace Upward.Core.Programmes;

/// <summary>Where a programme is in its life; only a draft may have its design changed freely.</summary>
public enum ProgrammeStatus
{
    Draft = 0,
    Recruiting = 1,
    Running = 2,
    Evaluating = 3,
    Closed = 4,
}
