using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Upward.Core.Matching;

namespace Upward.Cli.Commands;

/// <summary><c>upward match</c>: allocates mentees to mentors as docs/formats/matching.md describes.</summary>
public static class MatchCommand
{
    /// <summary>The largest seed accepted or chosen: 2^53 - 1, so the seed in the output survives any JSON reader.</summary>
    public const ulong MaxSeed = (1UL << 53) - 1;

    /// <summary>Builds the command, writing to the given console.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Option<string?>("--file") { Description = "Read the instance from this file instead of standard input." };
        var mode = new Option<string>("--mode")
        {
            Description = "optimal: most mentees matched, then the largest total weight. random: most mentees matched, drawn from the seed.",
            DefaultValueFactory = _ => "optimal",
        };
        // Checked in Run rather than by AcceptOnlyFromAmong, whose message spans several lines.
        var seed = new Option<string?>("--seed")
        {
            Description = $"The random mode's seed, 0 to {MaxSeed}; without it a seed is chosen and written in the output.",
        };
        var timings = new Option<bool>("--timings") { Description = "Write parse_ms, solve_ms and write_ms to standard error." };

        var command = new Command("match", "Allocate mentees to mentors.") { file, mode, seed, timings };
        command.SetAction(parse => Run(
            console, parse.GetValue(file), ParseMode(parse.GetValue(mode)), ParseSeed(parse.GetValue(seed)), parse.GetValue(timings)));
        return command;
    }

    private static int Run(CliConsole console, string? path, MatchingMode mode, ulong? seed, bool timings)
    {
        var clock = Stopwatch.StartNew();
        var instance = Parse(console, path);
        var parsed = clock.Elapsed;

        // A seed is drawn only when random mode lacks one; it is written out, so the run can be repeated.
        var solution = mode == MatchingMode.Random
            ? Matcher.Random(instance, seed ?? ChooseSeed())
            : Matcher.Optimal(instance);
        var solved = clock.Elapsed;

        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        MatchingSolutionWriter.Write(solution, buffer);
        console.Out.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        console.Out.Flush();
        var written = clock.Elapsed;

        if (timings)
        {
            console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"parse_ms={parsed.TotalMilliseconds:F1} solve_ms={(solved - parsed).TotalMilliseconds:F1} write_ms={(written - solved).TotalMilliseconds:F1}"));
        }
        return CliApp.Ok;
    }

    private static ulong? ParseSeed(string? text)
    {
        if (text is null)
        {
            return null;
        }
        // Parsed here, not by the option, for a plain message; digits only, so "+1" or " 1" are not seeds.
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) || seed > MaxSeed)
        {
            throw new CliInputException($"--seed must be a whole number from 0 to {MaxSeed}, not '{text}'");
        }
        return seed;
    }

    private static MatchingMode ParseMode(string? mode) => mode switch
    {
        "optimal" => MatchingMode.Optimal,
        "random" => MatchingMode.Random,
        _ => throw new CliInputException($"--mode must be 'optimal' or 'random', not '{mode}'"),
    };

    private static MatchingInstance Parse(CliConsole console, string? path)
    {
        byte[] bytes;
        if (path is null)
        {
            bytes = Encoding.UTF8.GetBytes(console.In.ReadToEnd());
        }
        else
        {
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliInputException($"cannot read '{path}': {e.Message}");
            }
        }
        try
        {
            return MatchingInstanceReader.Read(bytes);
        }
        catch (MatchingInputException e)
        {
            throw new CliInputException(e.Message);
        }
    }

    private static ulong ChooseSeed()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes) & MaxSeed;
    }
}
