namespace Upward.Core.Programmes;

/// <summary>Pseudonymous participant codes: a role prefix and a number, unique within a programme.</summary>
public static class ParticipantCode
{
    public static string Prefix(ProgrammeRole role) => role switch
    {
        ProgrammeRole.Mentor => "MR",
        ProgrammeRole.Mentee => "ME",
        ProgrammeRole.Coordinator => "CO",
        ProgrammeRole.Facilitator => "FA",
        ProgrammeRole.Researcher => "RE",
        ProgrammeRole.ConcernsLead => "CL",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown programme role"),
    };

    /// <summary>The <paramref name="number"/>th code for a role, for example "MR-03".</summary>
    public static string For(ProgrammeRole role, int number) =>
        number < 1 ? throw new ArgumentOutOfRangeException(nameof(number), "Codes are numbered from 1")
        : $"{Prefix(role)}-{number:00}";

    /// <summary>The code after the highest one already used for <paramref name="role"/> (codes are never reused).</summary>
    public static string Next(ProgrammeRole role, IEnumerable<string> existingCodes)
    {
        var prefix = Prefix(role) + "-";
        var highest = existingCodes
            .Where(c => c.StartsWith(prefix, StringComparison.Ordinal))
            .Select(c => int.TryParse(c.AsSpan(prefix.Length), out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return For(role, highest + 1);
    }
}
