namespace Upward.Core.PhaseOne;

/// <summary>The optional 1–5 rating given with feedback on a domain.</summary>
public static class Rating
{
    public const int Lowest = 1;
    public const int Highest = 5;

    public static bool IsValid(int? rating) => rating is null or (>= Lowest and <= Highest);
}
