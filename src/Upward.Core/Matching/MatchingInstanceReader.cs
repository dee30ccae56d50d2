using System.Text.Json;

namespace Upward.Core.Matching;

/// <summary>Reads an <c>upward-matching-instance</c> document (docs/formats/matching.md) into a <see cref="MatchingInstance"/>.</summary>
/// <remarks>
/// One forward pass of <see cref="Utf8JsonReader"/> over the bytes, with ids interned to indices:
/// a pair's ids are looked up from the reader's buffer without allocating a string, which is what
/// keeps a million pairs quick. Errors throw <see cref="MatchingInputException"/> naming the id or index.
/// </remarks>
public static class MatchingInstanceReader
{
    /// <summary>The <c>format</c> value an instance must carry.</summary>
    public const string Format = "upward-matching-instance";

    /// <summary>The only <c>version</c> understood.</summary>
    public const int Version = 1;

    /// <summary>Reads and validates an instance from UTF-8 JSON.</summary>
    public static MatchingInstance Read(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return new InstanceParse().Run(utf8);
        }
        catch (JsonException e)
        {
            throw new MatchingInputException($"malformed JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // The reader reports invalid UTF-8 inside a string this way.
            throw new MatchingInputException($"malformed JSON: {e.Message}");
        }
    }
}
