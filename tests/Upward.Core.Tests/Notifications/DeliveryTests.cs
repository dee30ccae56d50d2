using Upward.Core.Notifications;

namespace Upward.Core.Tests.Notifications;

public sealed class DeliveryTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeOnly From = new(21, 0), Until = new(8, 0);

    [Fact]
    public void Mail_due_in_the_quiet_hours_waits_until_eight_the_next_morning_local_time()
    {
        // 22:30 GMT on Saturday 27 March 2027; the clocks go forward that night, so 08:00 BST is 07:00 UTC.
        var due = new DateTime(2027, 3, 27, 22, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2027, 3, 28, 7, 0, 0, DateTimeKind.Utc),
            Delivery.AfterQuietHours(due, NotificationKind.QuestionnaireOpened, From, Until, London));
    }

    [Fact]
    public void Mail_due_in_the_early_morning_waits_until_eight_the_same_day()
    {
        var due = new DateTime(2027, 1, 12, 6, 15, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2027, 1, 12, 8, 0, 0, DateTimeKind.Utc), Delivery.AfterQuietHours(due, NotificationKind.AnswerReminder, From, Until, London));
    }

    [Fact]
    public void Mail_outside_the_quiet_hours_and_essential_mail_go_at_once()
    {
        var day = new DateTime(2027, 1, 12, 14, 0, 0, DateTimeKind.Utc);
        Assert.Equal(day, Delivery.AfterQuietHours(day, NotificationKind.AnswerReminder, From, Until, London));
        var night = new DateTime(2027, 1, 12, 23, 0, 0, DateTimeKind.Utc);
        Assert.Equal(night, Delivery.AfterQuietHours(night, NotificationKind.ConcernRaised, From, Until, London));
    }

    [Fact]
    public void Retries_back_off_and_give_up_after_the_last_wait()
    {
        var now = new DateTime(2027, 1, 12, 14, 0, 0, DateTimeKind.Utc);
        Assert.Equal(now.AddMinutes(1), Delivery.NextTry(1, now));
        Assert.Equal(now.AddMinutes(5), Delivery.NextTry(2, now));
        Assert.Equal(now.AddHours(12), Delivery.NextTry(Delivery.Backoff.Count, now));
        Assert.Null(Delivery.NextTry(Delivery.Backoff.Count + 1, now));
    }

    [Fact]
    public void Every_essential_kind_says_why_it_cannot_be_turned_off_and_every_kind_has_a_description()
    {
        foreach (var kind in NotificationKinds.All)
        {
            Assert.NotEqual(kind.ToString(), NotificationKinds.Describe(kind));
            Assert.Equal(NotificationKinds.IsEssential(kind), NotificationKinds.WhyEssential(kind).Length > 0);
        }
    }
}
