using Ical.Net;
using Upward.Core.Sessions;
using Upward.Web.Pages.Sessions;

namespace Upward.Web.Tests.Sessions;

/// <summary>The .ics parses with Ical.Net and keeps London wall-clock times on both sides of a clock change.</summary>
public sealed class CalendarInvitationTests
{
    [Theory]
    [InlineData(2027, 3, 26, 10)]  // Friday before the clocks go forward: GMT, 10:00 local is 10:00 UTC
    [InlineData(2027, 3, 29, 9)]   // Monday after: BST, 10:00 local is 09:00 UTC
    [InlineData(2027, 10, 29, 9)]  // Friday before the clocks go back: BST
    [InlineData(2027, 11, 1, 10)]  // Monday after: GMT
    public void Times_are_right_in_europe_london(int year, int month, int day, int utcHourFor10Local)
    {
        var startUtc = new DateTime(year, month, day, utcHourFor10Local, 0, 0, DateTimeKind.Utc);
        var session = new MentoringSession { StartsAtUtc = startUtc, TimeLimitMinutes = 45, Place = "Room 1", CalendarSequence = 2 };

        var ics = CalendarInvitation.For(session, "Pilot", "Europe/London", "Dr Smith", cancelled: false);
        var parsed = Calendar.Load(ics)!;
        var ev = parsed.Events.Single();

        Assert.Equal("REQUEST", parsed.Method);
        Assert.Equal(2, ev.Sequence);
        Assert.Equal(10, ev.DtStart!.Value.Hour);
        Assert.Equal("Europe/London", ev.DtStart.TzId);
        Assert.Equal(startUtc, ev.DtStart.AsUtc);
        Assert.Equal(startUtc.AddMinutes(45), ev.DtEnd!.AsUtc);
        Assert.Contains("BEGIN:VTIMEZONE", ics);
    }

    [Fact]
    public void A_cancellation_keeps_the_uid_and_says_cancel()
    {
        var session = new MentoringSession { StartsAtUtc = new DateTime(2027, 1, 5, 14, 0, 0, DateTimeKind.Utc), TimeLimitMinutes = 60, Place = "Teams" };
        var request = Calendar.Load(CalendarInvitation.For(session, "Pilot", "Europe/London", "Dr Smith", cancelled: false))!;
        session.CalendarSequence++;
        var cancel = Calendar.Load(CalendarInvitation.For(session, "Pilot", "Europe/London", "Dr Smith", cancelled: true))!;

        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal(request.Events.Single().Uid, cancel.Events.Single().Uid);
        Assert.True(cancel.Events.Single().Sequence > request.Events.Single().Sequence);
    }
}
