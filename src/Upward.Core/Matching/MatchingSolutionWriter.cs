using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Upward.Core.Matching;

/// <summary>Writes a <see cref="MatchingSolution"/> as an <c>upward-matching-solution</c> document (docs/formats/matching.md).</summary>
public static class MatchingSolutionWriter
{
    /// <summary>The <c>format</c> value a solution carries.</summary>
    public const string Format = "upward-matching-solution";

    // Ids are written as they came (accented names stay readable); the output is a data file, not HTML.
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>Writes the solution as one line of JSON followed by a newline, fields in the contract's order.</summary>
    public static void Write(MatchingSolution solution, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var instance = solution.Instance;
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteString("format"u8, Format);
            json.WriteNumber("version"u8, 1);
            json.WriteString("mode"u8, solution.Mode == MatchingMode.Optimal ? "optimal"u8 : "random"u8);
            if (solution.Seed is { } seed)
            {
                json.WriteNumber("seed"u8, seed);
            }
            else
            {
                json.WriteNull("seed"u8);
            }
            json.WriteNumber("matched"u8, solution.Matched);
            json.WriteNumber("total_weight"u8, solution.TotalWeight);
            json.WriteStartArray("assignments"u8);
            foreach (var a in solution.Assignments)
            {
                json.WriteStartObject();
                json.WriteString("mentor"u8, instance.MentorIdArray[a.Mentor]);
                json.WriteString("mentee"u8, instance.MenteeIdArray[a.Mentee]);
                json.WriteNumber("weight"u8, a.Weight);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("unmatched_mentees"u8);
            foreach (var u in solution.Unmatched)
            {
                json.WriteStringValue(instance.MenteeIdArray[u.Mentee]);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.Write("\n"u8);
    }

    /// <summary>The solution as UTF-8 bytes, exactly as <see cref="Write(MatchingSolution, IBufferWriter{byte})"/> writes them.</summary>
    public static byte[] ToUtf8(MatchingSolution solution)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(solution, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
