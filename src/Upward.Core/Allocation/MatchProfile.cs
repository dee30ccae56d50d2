namespace Upward.Core.Allocation;

/// <summary>
/// What a participant said about their work for allocation: department, specialty and the topics
/// (the programme's domains, by name) they most want to talk about. Any part may be unknown.
/// </summary>
public sealed record MatchProfile(string? Department, string? Specialty, IReadOnlySet<string> Topics)
{
    public static readonly MatchProfile Unknown = new(null, null, new HashSet<string>());
}
