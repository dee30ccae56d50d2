using System.Text.Json;

namespace Upward.Core.Statistics;

/// <summary>A <see cref="Summary"/> in the paired-statistics contract's JSON shape, shared by <c>upward stats paired</c> and the report JSON.</summary>
public static class SummaryJson
{
    /// <summary>Writes the summary as an object property, or null when there is none.</summary>
    public static void Write(Utf8JsonWriter json, string name, Summary? summary)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (summary is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteNumber("n", summary.N);
        json.WriteNumber("median", summary.Median);
        json.WriteNumber("q1", summary.Q1);
        json.WriteNumber("q3", summary.Q3);
        json.WriteNumber("q1_type7", summary.Q1Type7);
        json.WriteNumber("q3_type7", summary.Q3Type7);
        json.WriteNumber("hinge_lower", summary.HingeLower);
        json.WriteNumber("hinge_upper", summary.HingeUpper);
        json.WriteNumber("min", summary.Min);
        json.WriteNumber("max", summary.Max);
        json.WriteEndObject();
    }
}
