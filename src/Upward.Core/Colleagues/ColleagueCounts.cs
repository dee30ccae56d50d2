namespace Upward.Core.Colleagues;

/// <summary>
/// What a mentee may be told about the colleagues they invited. The mentee knows whom they invited,
/// so a count of answers is a statement about those people: "1 of 1 answered" says that person wrote
/// what is shown, and "0 of 2" then "1 of 2" says whether someone they can name has answered. So the
/// number invited is always shown (it is their own doing), but the number who answered only once it
/// reaches k; below k the mentee is told "fewer than k", whether that is none or k − 1.
/// </summary>
public sealed record ColleagueCounts(int Invited, int? Answered, int Threshold)
{
    public static ColleagueCounts For(int invited, int answered, int threshold) =>
        new(invited, answered >= threshold ? answered : null, threshold);

    /// <summary>The sentence the mentee reads.</summary>
    public string Sentence => Invited == 0
        ? "No invitations have been sent yet."
        : Answered is { } n
        ? $"You have invited {Invited} {Colleagues(Invited)}. {n} {Have(n)} answered."
        : $"You have invited {Invited} {Colleagues(Invited)}. Fewer than {Threshold} have answered so far: "
          + $"to protect their anonymity, Upward says how many only once at least {Threshold} have.";

    private static string Colleagues(int n) => n == 1 ? "colleague" : "colleagues";
    private static string Have(int n) => n == 1 ? "has" : "have";
}
