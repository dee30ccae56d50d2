using System.Text.Json;

namespace Upward.Core.Statistics;

/// <summary>
/// Writes a <see cref="TwoSampleComparison"/> in the shape of the two-sample contract's <c>expected</c>
/// object, for <c>upward stats two-sample</c> and for a designed report's comparison between arms.
/// </summary>
public static class TwoSampleJson
{
    /// <summary>The comparison's fields, written into the object already open.</summary>
    public static void WriteFields(Utf8JsonWriter json, TwoSampleComparison comparison)
    {
        json.WriteNumber("n_a", comparison.A.N);
        json.WriteNumber("n_b", comparison.B.N);
        SummaryJson.Write(json, "a", comparison.A);
        SummaryJson.Write(json, "b", comparison.B);
        WriteTest(json, comparison.Test);
        HodgesLehmannJson.Write(json, "hodges_lehmann", comparison.Shift);
    }

    private static void WriteTest(Utf8JsonWriter json, MannWhitneyTest? test)
    {
        if (test is null)
        {
            json.WriteNull("test");
            return;
        }
        json.WriteStartObject("test");
        json.WriteNumber("u_a", test.UA);
        json.WriteNumber("u_b", test.UB);
        json.WriteNumber("z", test.Z);
        json.WriteNumber("p_asymptotic", test.PAsymptotic);
        json.WriteNumber("z_cc", test.ZContinuityCorrected);
        json.WriteNumber("p_asymptotic_cc", test.PAsymptoticContinuityCorrected);
        if (test.PExact is double exact)
        {
            json.WriteNumber("p_exact", exact);
        }
        else
        {
            json.WriteNull("p_exact");
        }
        json.WriteNumber("r", test.R);
        json.WriteNumber("rank_biserial", test.RankBiserial);
        json.WriteEndObject();
    }
}
