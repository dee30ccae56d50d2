using System.CommandLine;
using Upward.Cli.Commands;

namespace Upward.Cli;

/// <summary>The <c>upward</c> command: builds the command tree and runs it against a console.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failure = 1;
    /// <summary>Exit code for input the user can correct (the contracts in docs/formats say 2).</summary>
    public const int BadInput = 2;

    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("Upward: run reverse mentoring programmes and analyse what they changed.");
        // One line per command group; each lives in its own file under Commands/.
        foreach (var command in CommandGroups(console))
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    private static Command[] CommandGroups(CliConsole console) =>
    [
        DbCommand.Create(console),
        .. BackupCommand.Create(console),
        SeedCommand.Create(console),
        AdminCommand.Create(console),
        StatsCommand.Create(console),
        MatchCommand.Create(console),
        AnalyseCommand.Create(console),
    ];

    public static int Run(string[] args, CliConsole console)
    {
        var parse = Build(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // The contracts ask for one line and exit 2, not System.CommandLine's help dump.
            console.Error.WriteLine($"upward: {OneLine(string.Join("; ", parse.Errors.Select(e => e.Message)))}");
            return BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (e is CliInputException or Upward.Data.UnknownSchemaException)
        {
            console.Error.WriteLine($"upward: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A database that cannot be reached, a disk that is full: one line, not a stack trace.
            console.Error.WriteLine($"upward: {OneLine(e.GetBaseException().Message)}");
            return Failure;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
