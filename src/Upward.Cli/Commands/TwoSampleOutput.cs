using System.Text;
using System.Text.Json;
using Upward.Core.Statistics;

namespace Upward.Cli.Commands;

/// <summary>Writes a <see cref="TwoSampleComparison"/> in the shape of the two-sample contract's <c>expected</c> object.</summary>
internal static class TwoSampleOutput
{
    /// <summary>The comparison as indented JSON; numbers in shortest round-trip form.</summary>
    public static string Write(TwoSampleComparison comparison)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            TwoSampleJson.WriteFields(json, comparison);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
