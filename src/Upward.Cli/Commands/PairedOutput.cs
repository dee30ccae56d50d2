using System.Text;
using System.Text.Json;
using Upward.Core.Statistics;

namespace Upward.Cli.Commands;

/// <summary>Writes a <see cref="PairedComparison"/> in the shape of the contract's <c>expected</c> object.</summary>
internal static class PairedOutput
{
    /// <summary>The comparison as indented JSON; numbers in shortest round-trip form.</summary>
    public static string Write(PairedComparison comparison)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("n_pairs", comparison.Pairs);
            json.WriteNumber("n_nonzero", comparison.NonZero);
            json.WriteNumber("n_positive", comparison.Increased);
            json.WriteNumber("n_negative", comparison.Decreased);
            SummaryJson.Write(json, "pre", comparison.Pre);
            SummaryJson.Write(json, "post", comparison.Post);
            SummaryJson.Write(json, "difference", comparison.Difference);
            WriteTest(json, comparison.Test);
            HodgesLehmannJson.Write(json, "hodges_lehmann", comparison.HodgesLehmann);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTest(Utf8JsonWriter json, WilcoxonSignedRankTest? test)
    {
        if (test is null)
        {
            json.WriteNull("test");
            return;
        }
        json.WriteStartObject("test");
        json.WriteNumber("w_plus", test.WPlus);
        json.WriteNumber("w_minus", test.WMinus);
        WriteNullable(json, "z", test.Z);
        WriteNullable(json, "p_asymptotic", test.PAsymptotic);
        WriteNullable(json, "z_cc", test.ZContinuityCorrected);
        WriteNullable(json, "p_asymptotic_cc", test.PAsymptoticContinuityCorrected);
        WriteNullable(json, "p_exact", test.PExact);
        WriteNullable(json, "r", test.R);
        json.WriteNumber("rank_biserial", test.RankBiserial);
        json.WriteNumber("p_sign", test.PSign);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
