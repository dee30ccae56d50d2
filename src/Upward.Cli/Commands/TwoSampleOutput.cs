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
            json.WriteNumber("n_a", comparison.A.N);
            json.WriteNumber("n_b", comparison.B.N);
            SummaryJson.Write(json, "a", comparison.A);
            SummaryJson.Write(json, "b", comparison.B);
            WriteTest(json, comparison.Test);
            HodgesLehmannJson.Write(json, "hodges_lehmann", comparison.Shift);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
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
