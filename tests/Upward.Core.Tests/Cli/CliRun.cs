using Upward.Cli;

namespace Upward.Core.Tests.Cli;

/// <summary>Runs the <c>upward</c> command in-process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun WithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(new StringReader(stdin), output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static CliRun Of(params string[] args) => WithInput("", args);

    /// <summary>The contract for bad input: exit 2, one line on standard error, nothing on standard output.</summary>
    public void AssertBadInput(string? mentioning = null)
    {
        Assert.Equal(CliApp.BadInput, ExitCode);
        Assert.Equal("", Out);
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        if (mentioning is not null)
        {
            Assert.Contains(mentioning, lines[0]);
        }
    }
}
