using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Upward.Core.Sessions;
using Upward.Web.Pages.Sessions;

namespace Upward.Web.Tests.Sessions;

/// <summary>
/// The .ics files, read strictly: RFC 5545's shape (CRLF lines folded at 75 octets, balanced
/// components, the properties every event needs), iTIP's for invitations (METHOD, ORGANIZER,
/// ATTENDEE, SEQUENCE), a VTIMEZONE with both of London's rules, and wall-clock times that stay
/// right on both sides of a clock change, through Ical.Net's parser and a second round trip.
/// </summary>
public sealed class CalendarInvitationTests
{
    private static readonly CalendarPerson Organiser = new("Upward", "upward@trust.example");
    private static readonly CalendarPerson[] Pair = [new("Dr Amira Hassan", "mentor@trust.example"), new("Dr Grace Wilson", "mentee@trust.example")];
    private static readonly DateTime Now = new(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc);

    private static string Ics(MentoringSession session, CalendarMethod method) =>
        CalendarInvitation.For(session, "Pilot", "Europe/London", "Dr Grace Wilson", method, Organiser, Pair, Now);

    [Theory]
    [InlineData(2027, 3, 26, 10)]  // Friday before the clocks go forward: GMT, 10:00 local is 10:00 UTC
    [InlineData(2027, 3, 29, 9)]   // Monday after: BST, 10:00 local is 09:00 UTC
    [InlineData(2027, 10, 29, 9)]  // Friday before the clocks go back: BST
    [InlineData(2027, 11, 1, 10)]  // Monday after: GMT
    public void Times_are_right_in_europe_london_and_survive_a_round_trip(int year, int month, int day, int utcHourFor10Local)
    {
        var startUtc = new DateTime(year, month, day, utcHourFor10Local, 0, 0, DateTimeKind.Utc);
        var session = new MentoringSession { StartsAtUtc = startUtc, TimeLimitMinutes = 45, Place = "Room 1", CalendarSequence = 2, Status = SessionStatus.Agreed };

        var ics = Ics(session, CalendarMethod.Request);
        AssertWellFormed(ics);
        var again = new Ical.Net.Serialization.CalendarSerializer().SerializeToString(Calendar.Load(ics)!)!;
        foreach (var parsed in new[] { Calendar.Load(ics)!, Calendar.Load(again)! })
        {
            var ev = parsed.Events.Single();
            Assert.Equal("REQUEST", parsed.Method);
            Assert.Equal(2, ev.Sequence);
            Assert.Equal(10, ev.DtStart!.Value.Hour);
            Assert.Equal("Europe/London", ev.DtStart.TzId);
            Assert.Equal(startUtc, ev.DtStart.AsUtc);
            Assert.Equal(startUtc.AddMinutes(45), ev.DtEnd!.AsUtc);
        }
    }

    [Fact]
    public void The_time_zone_carries_both_of_londons_rules()
    {
        var ics = Ics(new MentoringSession { StartsAtUtc = new DateTime(2027, 6, 1, 9, 0, 0, DateTimeKind.Utc), TimeLimitMinutes = 60, Place = "Teams" }, CalendarMethod.Request);
        var zone = Calendar.Load(ics)!.TimeZones.Single();
        Assert.Equal("Europe/London", zone.TzId);
        var block = Between(ics, "BEGIN:VTIMEZONE", "END:VTIMEZONE");
        var standard = Between(block, "BEGIN:STANDARD", "END:STANDARD");
        var daylight = Between(block, "BEGIN:DAYLIGHT", "END:DAYLIGHT");
        Assert.Contains("TZOFFSETFROM:+0100", standard);
        Assert.Contains("TZOFFSETTO:+0000", standard);
        Assert.Contains("TZOFFSETFROM:+0000", daylight);
        Assert.Contains("TZOFFSETTO:+0100", daylight);
        Assert.Contains("DTSTART:", standard);
        Assert.Contains("DTSTART:", daylight);
    }

    [Fact]
    public void An_invitation_has_an_organiser_and_both_people_as_attendees_who_need_not_reply()
    {
        var ics = Ics(new MentoringSession { StartsAtUtc = new DateTime(2027, 1, 5, 14, 0, 0, DateTimeKind.Utc), TimeLimitMinutes = 60, Place = "Teams", Status = SessionStatus.Agreed }, CalendarMethod.Request);
        var ev = Calendar.Load(ics)!.Events.Single();
        Assert.Equal("mailto:upward@trust.example", ev.Organizer!.Value!.ToString());
        Assert.Equal(["mailto:mentee@trust.example", "mailto:mentor@trust.example"], ev.Attendees.Select(a => a.Value!.ToString()).Order());
        Assert.All(ev.Attendees, a => Assert.Equal("REQ-PARTICIPANT", a.Role));
        Assert.All(ev.Attendees, a => Assert.Equal("ACCEPTED", a.ParticipationStatus));
        Assert.Equal("CONFIRMED", ev.Status);
        Assert.Equal(Now, ev.DtStamp!.AsUtc);
    }

    [Fact]
    public void A_cancellation_keeps_the_uid_raises_the_sequence_and_says_cancel()
    {
        var session = new MentoringSession { StartsAtUtc = new DateTime(2027, 1, 5, 14, 0, 0, DateTimeKind.Utc), TimeLimitMinutes = 60, Place = "Teams", Status = SessionStatus.Agreed };
        var request = Calendar.Load(Ics(session, CalendarMethod.Request))!;
        session.Status = SessionStatus.Cancelled;
        session.CalendarSequence++;
        var text = Ics(session, CalendarMethod.Cancel);
        AssertWellFormed(text);
        var cancel = Calendar.Load(text)!;

        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal("CANCELLED", cancel.Events.Single().Status);
        Assert.Equal(request.Events.Single().Uid, cancel.Events.Single().Uid);
        Assert.True(cancel.Events.Single().Sequence > request.Events.Single().Sequence);
        Assert.NotNull(cancel.Events.Single().Organizer);
        Assert.Equal(2, cancel.Events.Single().Attendees.Count);
    }

    [Fact]
    public void A_download_is_published_not_an_invitation()
    {
        var text = Ics(new MentoringSession { StartsAtUtc = new DateTime(2027, 1, 5, 14, 0, 0, DateTimeKind.Utc), TimeLimitMinutes = 60, Place = "Teams", Status = SessionStatus.Agreed }, CalendarMethod.Publish);
        AssertWellFormed(text);
        Assert.Equal("PUBLISH", Calendar.Load(text)!.Method);
        Assert.Equal("text/calendar; method=PUBLISH; charset=utf-8", CalendarInvitation.MediaType(CalendarMethod.Publish));
    }

    /// <summary>RFC 5545's shape, checked line by line rather than trusting a lenient parser.</summary>
    private static void AssertWellFormed(string ics)
    {
        Assert.EndsWith("\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        var lines = ics.Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"longer than 75 octets: {l}"));
        var unfolded = string.Join("\n", lines).Replace("\n ", "").Replace("\n\t", "").Split('\n');
        var open = new Stack<string>();
        foreach (var line in unfolded)
        {
            if (line.StartsWith("BEGIN:", StringComparison.Ordinal)) open.Push(line[6..]);
            else if (line.StartsWith("END:", StringComparison.Ordinal)) Assert.Equal(open.Pop(), line[4..]);
            else Assert.Matches("^[A-Z-]+[;:]", line);
        }
        Assert.Empty(open);
        Assert.Equal("BEGIN:VCALENDAR", unfolded[0]);
        Assert.Contains("VERSION:2.0", unfolded);
        Assert.Contains(unfolded, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        var ev = Between(string.Join("\n", unfolded), "BEGIN:VEVENT", "END:VEVENT").Split('\n');
        foreach (var required in new[] { "UID:", "DTSTAMP:", "DTSTART;TZID=Europe/London:", "DTEND;TZID=Europe/London:", "SEQUENCE:", "SUMMARY:" })
        {
            Assert.Contains(ev, l => l.StartsWith(required, StringComparison.Ordinal));
        }
    }

    private static string Between(string text, string start, string end)
    {
        var i = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(i >= 0, $"no {start}");
        var j = text.IndexOf(end, i, StringComparison.Ordinal);
        Assert.True(j > i, $"no {end}");
        return text[i..j];
    }
}
