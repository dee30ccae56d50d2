using System.CommandLine;
using System.Text;
using Upward.Core.Bundles;
using Upward.Core.Evaluation;

namespace Upward.Cli.Commands;

/// <summary><c>upward analyse BUNDLE --out DIR</c>: the evaluation report from a research bundle, offline (docs/formats/bundle.md).</summary>
public static class AnalyseCommand
{
    /// <summary>Builds the command, writing to the given console.</summary>
    public static Command Create(CliConsole console)
    {
        var bundle = new Argument<string>("BUNDLE") { Description = "The research bundle (JSON) exported from Upward." };
        var output = new Option<string>("--out")
        {
            Description = "Directory to write report.json and report.html into; created if missing.",
            Required = true,
        };
        var command = new Command("analyse", "Turn a research bundle into the evaluation report (report.json and report.html).") { bundle, output };
        command.SetAction(parse => Run(console, parse.GetValue(bundle)!, parse.GetValue(output)!));
        return command;
    }

    private static int Run(CliConsole console, string bundlePath, string outDirectory)
    {
        var bundle = Read(bundlePath);
        // A version 3 bundle carries the programme's own plan (its design and outcomes) and the arms.
        var report = bundle.Plan is { } plan ? EvaluationReport.Build(bundle, plan, bundle.Arms, bundle.StepsByCode) : EvaluationReport.Build(bundle);
        byte[] json = ReportJson.Write(report);
        byte[] html = Encoding.UTF8.GetBytes(ReportHtml.Render(report));
        try
        {
            Directory.CreateDirectory(outDirectory);
            File.WriteAllBytes(Path.Combine(outDirectory, "report.json"), json);
            File.WriteAllBytes(Path.Combine(outDirectory, "report.html"), html);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot write to {outDirectory}: {e.Message}");
        }
        console.Out.WriteLine($"wrote {Path.Combine(outDirectory, "report.json")} and {Path.Combine(outDirectory, "report.html")}");
        return CliApp.Ok;
    }

    private static ResearchBundle Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read {path}: {e.Message}");
        }
        try
        {
            return BundleReader.Read(text);
        }
        catch (BundleFormatException e)
        {
            throw new CliInputException($"{path} is not a valid research bundle: {e.Message}");
        }
    }
}
