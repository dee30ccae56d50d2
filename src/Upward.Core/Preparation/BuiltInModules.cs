using System.Reflection;

namespace Upward.Core.Preparation;

/// <summary>
/// Upward's own preparation modules (Markdown files embedded in this assembly), copied into a
/// programme on first use so its coordinator can edit them there.
/// </summary>
public static class BuiltInModules
{
    public sealed record Definition(string Key, int Position, ModuleAudience Audience, string Markdown);

    private static readonly (string Key, ModuleAudience Audience)[] Order =
    [
        ("reverse-mentoring", ModuleAudience.AllMentors),
        ("feedback-upward", ModuleAudience.AllMentors),
        ("psychological-safety", ModuleAudience.AllMentors),
        ("confidentiality", ModuleAudience.AllMentors),
        ("patient-mentors", ModuleAudience.PatientMentors),
        ("for-mentees", ModuleAudience.Mentees),
    ];

    public static IReadOnlyList<Definition> All { get; } = Load();

    private static List<Definition> Load()
    {
        var assembly = typeof(BuiltInModules).Assembly;
        return [.. Order.Select((m, i) => new Definition(m.Key, i + 1, m.Audience, Read(assembly, $"Upward.Core.Preparation.Modules.{i + 1}-{m.Key}.md")))];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The module {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
