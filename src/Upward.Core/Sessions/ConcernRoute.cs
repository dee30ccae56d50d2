using Upward.Core.Programmes;

namespace Upward.Core.Sessions;

/// <summary>
/// Whom a concern goes to. A concern about patient safety, safeguarding or conduct — or about the
/// coordinators themselves — can go to the programme's named lead (for example the Freedom to Speak
/// Up guardian) instead of the coordinators; each reads only the concerns sent to them.
/// </summary>
public enum ConcernRoute
{
    Coordinators = 0,
    NamedLead = 1,
}

public static class ConcernRoutes
{
    /// <summary>The role that reads and answers concerns sent by <paramref name="route"/>.</summary>
    public static ProgrammeRole ReaderOf(ConcernRoute route) =>
        route == ConcernRoute.NamedLead ? ProgrammeRole.ConcernsLead : ProgrammeRole.Coordinator;

    /// <summary>The routes whose concerns someone holding <paramref name="roles"/> reads.</summary>
    public static IReadOnlyList<ConcernRoute> ReadBy(IReadOnlyCollection<ProgrammeRole> roles) =>
        Enum.GetValues<ConcernRoute>().Where(r => roles.Contains(ReaderOf(r))).ToList();

    /// <summary>How the person raising it is told who will read it.</summary>
    public static string Readers(ConcernRoute route) =>
        route == ConcernRoute.NamedLead ? "the programme's named lead for concerns" : "the programme's coordinators";
}
