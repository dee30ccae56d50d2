namespace Upward.Core.Allocation;

/// <summary>The programme's rule on pairing a mentor with their own clinical supervisor.</summary>
public enum SupervisorRule
{
    /// <summary>Allowed, as in the published study.</summary>
    Allowed = 0,

    /// <summary>Preferred: in optimal mode such pairs carry more weight.</summary>
    Preferred = 1,

    /// <summary>Never paired.</summary>
    Forbidden = 2,
}
