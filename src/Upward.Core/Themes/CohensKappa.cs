namespace Upward.Core.Themes;

/// <summary>
/// Cohen's kappa for two coders' yes/no decisions (did this theme apply to this answer?):
/// κ = (p_o − p_e) / (1 − p_e), with p_e from each coder's own rate of saying yes.
/// </summary>
public static class CohensKappa
{
    /// <summary>One decision by each coder on the same answer.</summary>
    public readonly record struct Pair(bool CoderA, bool CoderB);

    /// <summary>The result: null when it is undefined (no decisions, or both coders said the same thing every time, so chance agreement is 1).</summary>
    public sealed record Result(int Decisions, double ObservedAgreement, double ChanceAgreement, double? Kappa);

    public static Result Of(IEnumerable<Pair> decisions)
    {
        int both = 0, onlyA = 0, onlyB = 0, neither = 0;
        foreach (var d in decisions)
        {
            if (d.CoderA && d.CoderB) both++;
            else if (d.CoderA) onlyA++;
            else if (d.CoderB) onlyB++;
            else neither++;
        }
        var n = both + onlyA + onlyB + neither;
        if (n == 0)
        {
            return new Result(0, double.NaN, double.NaN, null);
        }
        var observed = (double)(both + neither) / n;
        var aYes = (double)(both + onlyA) / n;
        var bYes = (double)(both + onlyB) / n;
        var chance = aYes * bYes + (1 - aYes) * (1 - bYes);
        return new Result(n, observed, chance, chance >= 1 ? null : (observed - chance) / (1 - chance));
    }

    /// <summary>A reading of kappa in words (Landis and Koch, 1977), for the page beside the number.</summary>
    public static string Describe(double? kappa) => kappa switch
    {
        null => "not defined",
        < 0 => "poor",
        <= 0.20 => "slight",
        <= 0.40 => "fair",
        <= 0.60 => "moderate",
        <= 0.80 => "substantial",
        _ => "almost perfect",
    };
}
