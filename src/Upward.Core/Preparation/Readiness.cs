namespace Upward.Core.Preparation;

/// <summary>
/// Whether a mentor is ready to be paired, and if not, why, in the words the allocation page shows:
/// every module they are asked to do, their self-assessment and the induction.
/// </summary>
public static class Readiness
{
    public sealed record ModuleRef(string Key, int Position, string Title, ModuleAudience Audience);

    /// <summary>The modules a mentor is asked to do: every mentor's, and the patient mentors' if they are one (never the mentees').</summary>
    public static IEnumerable<ModuleRef> ModulesFor(IEnumerable<ModuleRef> modules, bool patientMentor) =>
        modules.Where(m => m.Audience == ModuleAudience.AllMentors || m.Audience == ModuleAudience.PatientMentors && patientMentor).OrderBy(m => m.Position);

    /// <summary>Why the mentor is not ready; empty when they are.</summary>
    public static IReadOnlyList<string> Reasons(IEnumerable<ModuleRef> modules, bool patientMentor, IReadOnlySet<string> completedKeys, bool selfAssessed, bool inductionAttended)
    {
        var reasons = ModulesFor(modules, patientMentor).Where(m => !completedKeys.Contains(m.Key))
            .Select(m => $"Module {m.Position} not done ({m.Title})").ToList();
        if (!selfAssessed) reasons.Add("Self-assessment not done");
        if (!inductionAttended) reasons.Add("Induction not attended");
        return reasons;
    }
}
