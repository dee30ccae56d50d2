using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Upward.Core.Sessions;

namespace Upward.Web.Pages.Sessions;

/// <summary>What a calendar file is for: an emailed invitation or cancellation (iTIP), or a plain download.</summary>
public enum CalendarMethod
{
    Request,
    Cancel,

    /// <summary>A file someone downloads to add to their own calendar: no reply is expected of it.</summary>
    Publish,
}

/// <summary>Someone named in a calendar file.</summary>
public sealed record CalendarPerson(string Name, string Email);

/// <summary>
/// The .ics file for a session (RFC 5545, with iTIP's rules from RFC 5546 for invitations): one event
/// whose UID is the session's id, so each update (a higher SEQUENCE) or cancellation replaces the
/// earlier one in the recipient's calendar. Times are written in the programme's time zone with a
/// VTIMEZONE carrying that zone's STANDARD and DAYLIGHT rules, so a client that does not know the zone
/// still places a session right on both sides of a clock change. Outlook refuses an invitation with
/// no ORGANIZER, so Upward's own address organises and both people in the pair attend.
/// </summary>
public static class CalendarInvitation
{
    public static string MediaType(CalendarMethod method) => $"text/calendar; method={MethodName(method)}; charset=utf-8";

    public static string For(MentoringSession session, string programmeName, string timeZone, string withWhom,
        CalendarMethod method, CalendarPerson organiser, IReadOnlyList<CalendarPerson> attendees, DateTime nowUtc) =>
        Serialise(method, [new SessionEntry(session, programmeName, timeZone, withWhom, attendees)], organiser, nowUtc);

    /// <summary>
    /// One calendar holding several sessions (a person's subscription), with a VTIMEZONE for each zone they use,
    /// and any deadlines as all-day events (a date needs no zone).
    /// </summary>
    public static string Serialise(CalendarMethod method, IReadOnlyList<SessionEntry> entries, CalendarPerson organiser, DateTime nowUtc,
        IReadOnlyList<DeadlineEntry>? deadlines = null)
    {
        var calendar = new Calendar { Method = MethodName(method), ProductId = "-//Upward//Reverse mentoring//EN" };
        foreach (var zone in entries.GroupBy(e => e.TimeZone))
        {
            // Rules from a year before the earliest session, so the zone's current STANDARD and DAYLIGHT parts are both present.
            var earliest = zone.Min(e => TimeZoneInfo.ConvertTimeFromUtc(e.Session.StartsAtUtc, TimeZoneInfo.FindSystemTimeZoneById(zone.Key)));
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Key, earliest.AddYears(-1), includeHistoricalData: false));
        }
        foreach (var entry in entries)
        {
            calendar.Events.Add(Event(entry, method, organiser, nowUtc));
        }
        foreach (var deadline in deadlines ?? [])
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = deadline.Uid,
                DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
                Summary = deadline.Summary,
                Description = deadline.Description,
                DtStart = new CalDateTime(deadline.Day),
                DtEnd = new CalDateTime(deadline.Day.AddDays(1)),
                // A deadline is not a meeting: it does not make the person look busy.
                Transparency = "TRANSPARENT",
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>A day to remember (the last day to answer a questionnaire), shown as an all-day event.</summary>
    public sealed record DeadlineEntry(string Uid, DateOnly Day, string Summary, string Description);

    /// <summary>A session to put in a calendar, with what the calendar says about it.</summary>
    public sealed record SessionEntry(MentoringSession Session, string ProgrammeName, string TimeZone, string WithWhom, IReadOnlyList<CalendarPerson> Attendees);

    private static CalendarEvent Event(SessionEntry entry, CalendarMethod method, CalendarPerson organiser, DateTime nowUtc)
    {
        var session = entry.Session;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(entry.TimeZone);
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(session.StartsAtUtc, zone);
        var localEnd = localStart.AddMinutes(session.MinutesTaken ?? session.TimeLimitMinutes);
        var cancelled = method == CalendarMethod.Cancel || session.Status == SessionStatus.Cancelled;
        var ev = new CalendarEvent
        {
            Uid = $"{session.Id}@upward",
            Sequence = session.CalendarSequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            Summary = $"Reverse mentoring session with {entry.WithWhom}",
            Description = $"{entry.ProgrammeName}: a one-to-one session, in confidence and never recorded. Time limit as a guide: {session.TimeLimitMinutes} minutes.",
            Location = session.Place,
            DtStart = new CalDateTime(localStart, entry.TimeZone),
            DtEnd = new CalDateTime(localEnd, entry.TimeZone),
            Status = cancelled ? "CANCELLED" : session.Status == SessionStatus.Proposed ? "TENTATIVE" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{organiser.Email}") { CommonName = organiser.Name },
        };
        foreach (var person in entry.Attendees)
        {
            var attendee = new Attendee($"mailto:{person.Email}") { CommonName = person.Name, Role = "REQ-PARTICIPANT", Rsvp = false };
            if (!cancelled)
            {
                // The pair agreed the time in Upward already: nobody is asked to reply to the invitation.
                attendee.ParticipationStatus = "ACCEPTED";
            }
            ev.Attendees.Add(attendee);
        }
        return ev;
    }

    private static string MethodName(CalendarMethod method) => method switch
    {
        CalendarMethod.Request => "REQUEST",
        CalendarMethod.Cancel => "CANCEL",
        _ => "PUBLISH",
    };
}
