using System.Text.Json;

namespace Upward.Core.Statistics;

/// <summary>A <see cref="HodgesLehmann"/> estimate in the statistics contracts' JSON shape (docs/formats/stats-two-sample.md).</summary>
public static class HodgesLehmannJson
{
    /// <summary>Writes the estimate as an object property, or null when there is none.</summary>
    public static void Write(Utf8JsonWriter json, string name, HodgesLehmann? estimate)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (estimate is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteNumber("estimate", estimate.Estimate);
        json.WriteNumber("lower", estimate.Lower);
        json.WriteNumber("upper", estimate.Upper);
        json.WriteNumber("conf_level", estimate.ConfLevel);
        json.WriteNumber("achieved_conf_level", estimate.AchievedConfLevel);
        json.WriteEndObject();
    }
}
