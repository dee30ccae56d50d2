using System.Globalization;
using System.Text.Json;
using Upward.Core.Statistics;

namespace Upward.Core.Tests.Statistics;

/// <summary>Puts expected and computed results in one comparable form: path → number or null.</summary>
internal static class ReferenceFields
{
    /// <summary>Flattens a JSON object of numbers, nulls and nested objects into "a.b" paths.</summary>
    public static Dictionary<string, double?> Flatten(JsonElement element)
    {
        var fields = new Dictionary<string, double?>();
        Add(fields, "", element);
        return fields;
    }

    /// <summary>The contract's fields of a comparison, mapped here independently of the CLI's writer.</summary>
    public static Dictionary<string, double?> Of(PairedComparison comparison)
    {
        var fields = new Dictionary<string, double?>
        {
            ["n_pairs"] = comparison.Pairs,
            ["n_nonzero"] = comparison.NonZero,
            ["n_positive"] = comparison.Increased,
            ["n_negative"] = comparison.Decreased,
        };
        AddSummary(fields, "pre", comparison.Pre);
        AddSummary(fields, "post", comparison.Post);
        AddSummary(fields, "difference", comparison.Difference);
        var test = comparison.Test;
        if (test is null)
        {
            fields["test"] = null;
            return fields;
        }
        fields["test.w_plus"] = test.WPlus;
        fields["test.w_minus"] = test.WMinus;
        fields["test.z"] = test.Z;
        fields["test.p_asymptotic"] = test.PAsymptotic;
        fields["test.z_cc"] = test.ZContinuityCorrected;
        fields["test.p_asymptotic_cc"] = test.PAsymptoticContinuityCorrected;
        fields["test.p_exact"] = test.PExact;
        fields["test.r"] = test.R;
        fields["test.rank_biserial"] = test.RankBiserial;
        fields["test.p_sign"] = test.PSign;
        return fields;
    }

    /// <summary>The contract's fields of a paired comparison's Hodges–Lehmann estimate ("hodges_lehmann.…").</summary>
    public static Dictionary<string, double?> HodgesLehmannOf(PairedComparison comparison)
    {
        var fields = new Dictionary<string, double?> { ["n_pairs"] = comparison.Pairs };
        AddHodgesLehmann(fields, comparison.HodgesLehmann);
        return fields;
    }

    /// <summary>The two-sample contract's fields of a comparison, mapped here independently of the CLI's writer.</summary>
    public static Dictionary<string, double?> Of(TwoSampleComparison comparison)
    {
        var fields = new Dictionary<string, double?>
        {
            ["n_a"] = comparison.A.N,
            ["n_b"] = comparison.B.N,
        };
        AddSummary(fields, "a", comparison.A);
        AddSummary(fields, "b", comparison.B);
        if (comparison.Test is { } test)
        {
            fields["test.u_a"] = test.UA;
            fields["test.u_b"] = test.UB;
            fields["test.z"] = test.Z;
            fields["test.p_asymptotic"] = test.PAsymptotic;
            fields["test.z_cc"] = test.ZContinuityCorrected;
            fields["test.p_asymptotic_cc"] = test.PAsymptoticContinuityCorrected;
            fields["test.p_exact"] = test.PExact;
            fields["test.r"] = test.R;
            fields["test.rank_biserial"] = test.RankBiserial;
        }
        else
        {
            fields["test"] = null;
        }
        AddHodgesLehmann(fields, comparison.Shift);
        return fields;
    }

    /// <summary>Fields whose path starts with a prefix left out: for the paired reference file, which predates the Hodges–Lehmann fields.</summary>
    public static Dictionary<string, double?> Without(IReadOnlyDictionary<string, double?> fields, string prefix) =>
        fields.Where(f => f.Key != prefix && !f.Key.StartsWith(prefix + ".", StringComparison.Ordinal)).ToDictionary();

    /// <summary>Only the fields the expected result names: paired Hodges–Lehmann cases check n_pairs and the estimate alone.</summary>
    public static Dictionary<string, double?> Only(IReadOnlyDictionary<string, double?> fields, IEnumerable<string> paths)
    {
        var wanted = paths.ToHashSet();
        return fields.Where(f => wanted.Contains(f.Key)).ToDictionary();
    }

    private static void AddHodgesLehmann(Dictionary<string, double?> fields, HodgesLehmann? estimate)
    {
        if (estimate is null)
        {
            fields["hodges_lehmann"] = null;
            return;
        }
        fields["hodges_lehmann.estimate"] = estimate.Estimate;
        fields["hodges_lehmann.lower"] = estimate.Lower;
        fields["hodges_lehmann.upper"] = estimate.Upper;
        fields["hodges_lehmann.conf_level"] = estimate.ConfLevel;
        fields["hodges_lehmann.achieved_conf_level"] = estimate.AchievedConfLevel;
    }

    /// <summary>The contract's tolerance: relative 1e-9, or absolute 1e-12 where the expected value is below 1e-3.</summary>
    public static bool WithinTolerance(double actual, double expected)
    {
        double error = Math.Abs(actual - expected);
        return error <= 1e-9 * Math.Abs(expected) || (Math.Abs(expected) < 1e-3 && error <= 1e-12);
    }

    /// <summary>Every mismatch between expected and actual fields, one readable line each.</summary>
    public static List<string> Mismatches(IReadOnlyDictionary<string, double?> expected, IReadOnlyDictionary<string, double?> actual)
    {
        var problems = new List<string>();
        foreach (var (path, want) in expected)
        {
            if (!actual.TryGetValue(path, out var got))
            {
                problems.Add($"{path}: missing (expected {Show(want)})");
            }
            else if (want is null || got is null)
            {
                if (want is not null || got is not null)
                {
                    problems.Add($"{path}: expected {Show(want)}, got {Show(got)}");
                }
            }
            else if (!WithinTolerance(got.Value, want.Value))
            {
                problems.Add($"{path}: expected {Show(want)}, got {Show(got)}");
            }
        }
        problems.AddRange(actual.Keys.Except(expected.Keys).Select(path => $"{path}: not in the reference"));
        return problems;
    }

    private static string Show(double? value) =>
        value is double number ? number.ToString("R", CultureInfo.InvariantCulture) : "null";

    private static void AddSummary(Dictionary<string, double?> fields, string name, Summary summary)
    {
        fields[$"{name}.n"] = summary.N;
        fields[$"{name}.median"] = summary.Median;
        fields[$"{name}.q1"] = summary.Q1;
        fields[$"{name}.q3"] = summary.Q3;
        fields[$"{name}.q1_type7"] = summary.Q1Type7;
        fields[$"{name}.q3_type7"] = summary.Q3Type7;
        fields[$"{name}.hinge_lower"] = summary.HingeLower;
        fields[$"{name}.hinge_upper"] = summary.HingeUpper;
        fields[$"{name}.min"] = summary.Min;
        fields[$"{name}.max"] = summary.Max;
    }

    private static void Add(Dictionary<string, double?> fields, string prefix, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Add(fields, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", property.Value);
                }
                break;
            case JsonValueKind.Null:
                fields[prefix] = null;
                break;
            case JsonValueKind.Number:
                fields[prefix] = element.GetDouble();
                break;
            default:
                throw new InvalidDataException($"{prefix}: unexpected {element.ValueKind} in a result");
        }
    }
}
