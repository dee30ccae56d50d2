using Upward.Core.Timeline;

namespace Upward.Core.Tests.Timeline;

/// <summary>Local dates and clock times in Europe/London become the right UTC instants on both sides of each clock change.</summary>
public sealed class LocalTimesTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData(2027, 3, 27, "2027-03-27T09:00:00Z")] // Saturday, GMT
    [InlineData(2027, 3, 29, "2027-03-29T08:00:00Z")] // Monday after the clocks went forward, BST
    [InlineData(2027, 10, 30, "2027-10-30T08:00:00Z")] // Saturday, still BST
    [InlineData(2027, 11, 1, "2027-11-01T09:00:00Z")] // Monday after the clocks went back, GMT
    public void Nine_in_the_morning_is_nine_on_the_wall_clock_in_winter_and_summer(int year, int month, int day, string expected)
    {
        var utc = LocalTimes.ToUtc(new DateOnly(year, month, day), LocalTimes.OpeningHour, London);
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new TimeOnly(9, 0), LocalTimes.LocalTime(utc, London));
    }

    [Fact]
    public void A_time_the_clocks_skip_is_taken_as_the_first_moment_after_the_gap()
    {
        // 28 March 2027: 01:00 GMT becomes 02:00 BST, so 01:30 never happens.
        var utc = LocalTimes.ToUtc(new DateOnly(2027, 3, 28), new TimeOnly(1, 30), London);
        Assert.Equal(new DateTime(2027, 3, 28, 1, 0, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void A_time_that_happens_twice_is_taken_as_its_first_occurrence()
    {
        // 31 October 2027: 02:00 BST becomes 01:00 GMT, so 01:30 happens at 00:30 and 01:30 UTC.
        var utc = LocalTimes.ToUtc(new DateOnly(2027, 10, 31), new TimeOnly(1, 30), London);
        Assert.Equal(new DateTime(2027, 10, 31, 0, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void The_end_of_a_day_is_local_midnight_even_on_the_day_of_a_change()
    {
        Assert.Equal(new DateTime(2027, 3, 28, 23, 0, 0, DateTimeKind.Utc), LocalTimes.EndOfDayUtc(new DateOnly(2027, 3, 28), London));
        Assert.Equal(new DateTime(2027, 11, 1, 0, 0, 0, DateTimeKind.Utc), LocalTimes.EndOfDayUtc(new DateOnly(2027, 10, 31), London));
    }
}
