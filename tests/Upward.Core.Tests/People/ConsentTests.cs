using Upward.Core.People;
using Upward.Core.Programmes;

namespace Upward.Core.Tests.People;

public sealed class ConsentTests
{
    private static readonly DateTime Day = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    private static ConsentDecision Decision(ConsentPurpose purpose, bool given, int minutes) =>
        new() { Purpose = purpose, Given = given, TextVersion = 1, DecidedAtUtc = Day.AddMinutes(minutes) };

    [Fact]
    public void The_latest_decision_on_each_purpose_is_in_force_and_purposes_are_independent()
    {
        var history = new[]
        {
            Decision(ConsentPurpose.QuoteAnonymously, true, 0),
            Decision(ConsentPurpose.TakePart, true, 0),
            Decision(ConsentPurpose.QuoteAnonymously, false, 30),
        };

        Assert.True(Consent.IsGiven(history, ConsentPurpose.TakePart));
        Assert.False(Consent.IsGiven(history, ConsentPurpose.QuoteAnonymously));
        Assert.False(Consent.IsGiven(history, ConsentPurpose.UseAnswersInEvaluation));
    }

    [Fact]
    public void Taking_part_sets_consented_declining_sets_declined_and_withdrawal_is_final()
    {
        Assert.Equal(EnrolmentStatus.Consented, Consent.StatusAfter(EnrolmentStatus.Invited, true));
        Assert.Equal(EnrolmentStatus.Declined, Consent.StatusAfter(EnrolmentStatus.Consented, false));
        Assert.Equal(EnrolmentStatus.Consented, Consent.StatusAfter(EnrolmentStatus.Declined, true));
        Assert.Equal(EnrolmentStatus.Withdrawn, Consent.StatusAfter(EnrolmentStatus.Withdrawn, true));
    }

    [Fact]
    public void Every_purpose_has_exactly_one_current_text_and_only_taking_part_is_required()
    {
        Assert.Equal(Enum.GetValues<ConsentPurpose>().Length, ConsentText.Current.Select(c => c.Purpose).Distinct().Count());
        Assert.Equal([ConsentPurpose.TakePart], ConsentText.Current.Where(c => c.Required).Select(c => c.Purpose));
    }
}
