using System.CommandLine;
using System.Text;
using Upward.Core.Statistics;

namespace Upward.Cli.Commands;

/// <summary><c>upward stats</c>: statistics on questionnaire scores (docs/formats/stats-paired.md, docs/formats/stats-two-sample.md).</summary>
public static class StatsCommand
{
    /// <summary>Builds the <c>stats</c> command group with its <c>paired</c> and <c>two-sample</c> subcommands.</summary>
    public static Command Create(CliConsole console)
    {
        var stats = new Command("stats", "Statistics on questionnaire scores.");
        stats.Subcommands.Add(CreatePaired(console));
        stats.Subcommands.Add(CreateTwoSample(console));
        return stats;
    }

    private static Option<FileInfo?> FileOption() => new("--file")
    {
        Description = "Read the input from this file instead of standard input.",
    };

    private static Command CreateTwoSample(CliConsole console)
    {
        var file = FileOption();
        var twoSample = new Command(
            "two-sample",
            "Compare two independent groups (for a waitlist design, the arms' change scores). Reads {\"a\": [...], \"b\": [...]} as JSON; writes the figures as JSON.")
        {
            file,
        };
        twoSample.SetAction(parse =>
        {
            string json = ReadInput(parse.GetValue(file), console);
            var (a, b, confLevel) = TwoSampleInput.Parse(json);
            var comparison = AsInputProblem(() => TwoSampleComparison.Compute(a, b, confLevel));
            console.Out.WriteLine(TwoSampleOutput.Write(comparison));
            return CliApp.Ok;
        });
        return twoSample;
    }

    private static Command CreatePaired(CliConsole console)
    {
        var file = FileOption();
        var paired = new Command(
            "paired",
            "Compare before and after scores of the same participants. Reads {\"pre\": [...], \"post\": [...]} as JSON; writes the figures as JSON.")
        {
            file,
        };
        paired.SetAction(parse =>
        {
            string json = ReadInput(parse.GetValue(file), console);
            var (pre, post, confLevel) = PairedInput.Parse(json);
            var comparison = AsInputProblem(() => PairedComparison.Compute(pre, post, confLevel));
            // Written only once everything has succeeded, so a failure leaves standard output empty.
            console.Out.WriteLine(PairedOutput.Write(comparison));
            return CliApp.Ok;
        });
        return paired;
    }

    private static T AsInputProblem<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (ArgumentException e)
        {
            // The input has been checked already; what is left (such as a change too large for a
            // double) is still a problem with the input, so it gets the input's exit code.
            throw new CliInputException(e.Message);
        }
    }

    private static string ReadInput(FileInfo? file, CliConsole console)
    {
        if (file is null)
        {
            return console.In.ReadToEnd();
        }
        try
        {
            return File.ReadAllText(file.FullName, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read {file.FullName}: {e.Message}");
        }
    }
}
