using System.Text.RegularExpressions;

namespace Upward.Core.Tests.Architecture;

/// <summary>
/// Upward reads the time from one clock, the injected <see cref="TimeProvider"/>, so tests can
/// replace it. A static read of the machine's time anywhere under src/ would escape that.
/// </summary>
public sealed partial class OneClockTests
{
    [Fact]
    public void No_source_file_reads_the_machine_clock_directly()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsGenerated(Path.GetRelativePath(src, path)))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(x => StaticClock().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(src, x.path)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Use the injected TimeProvider instead of:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_finds_a_static_read_of_the_clock()
    {
        Assert.Matches(StaticClock(), "var now = DateTime.UtcNow;");
        Assert.Matches(StaticClock(), "var today = DateTime.Today;");
        Assert.Matches(StaticClock(), "var at = DateTimeOffset.Now;");
        Assert.DoesNotMatch(StaticClock(), "var now = clock.GetUtcNow().UtcDateTime;");
    }

    private static bool IsGenerated(string relative) =>
        relative.Split(Path.DirectorySeparatorChar) is var parts && parts.Any(p => p is "bin" or "obj" or "Migrations");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Upward.slnx"))) return folder.FullName;
        }
        throw new InvalidOperationException("The repository root (the folder holding Upward.slnx) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(UtcNow|Now|Today)\b")]
    private static partial Regex StaticClock();
}
