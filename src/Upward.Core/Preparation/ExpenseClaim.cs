namespace Upward.Core.Preparation;

public enum ExpenseStatus
{
    Submitted = 0,
    Approved = 1,
    Paid = 2,
}

/// <summary>
/// A patient or carer mentor's claim for what taking part cost them. It holds an amount, a few words
/// on what it was for and a date: never anything about their health or care.
/// </summary>
public sealed class ExpenseClaim
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid EnrolmentId { get; init; }

    /// <summary>In pence, so sums are exact.</summary>
    public int AmountPence { get; init; }
    public required string Purpose { get; init; }
    public DateOnly IncurredOn { get; init; }
    public ExpenseStatus Status { get; set; }
    public DateTime SubmittedAtUtc { get; init; }
    public DateTime? StatusChangedAtUtc { get; set; }

    public const int PurposeMaxLength = 200;
    public const int MaxPence = 100_000;

    public static string Pounds(int pence) => (pence / 100m).ToString("£#,##0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A claim moves forward only: submitted, then approved, then paid.</summary>
    public static bool CanMove(ExpenseStatus from, ExpenseStatus to) => to == from + 1;

    /// <summary>An amount typed as pounds ("12.50", "£8"), or null if it is not one from 1p to £1,000.</summary>
    public static int? ParsePounds(string? text)
    {
        var t = (text ?? "").Trim().TrimStart('£').Replace(",", "");
        if (!decimal.TryParse(t, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var pounds)) return null;
        if (decimal.Round(pounds, 2) != pounds) return null;
        var pence = (int)(pounds * 100);
        return pence is > 0 and <= MaxPence ? pence : null;
    }
}
