using System.Text;
using Microsoft.Extensions.Options;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Email;

namespace Upward.Web.Pages.Sessions;

/// <summary>Emails both people in a pair a session's invitation, or its cancellation, with the .ics attached.</summary>
public sealed class SessionInvitations(UpwardDbContext db, Mailer mailer, IOptions<EmailOptions> email, TimeProvider clock)
{
    public async Task SendAsync(Programme programme, Pairing pairing, MentoringSession session, bool cancelled, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(programme.TimeZone);
        var people = await db.PeopleOfAsync(pairing, ct);
        var method = cancelled ? CalendarMethod.Cancel : CalendarMethod.Request;
        foreach (var person in people)
        {
            var other = people.FirstOrDefault(p => p != person)?.Name ?? "your pair";
            var ics = CalendarInvitation.For(session, programme.Name, programme.TimeZone, other, method, PairAccess.Organiser(email.Value), people, clock.GetUtcNow().UtcDateTime);
            await mailer.SendAsync(programme.OrganisationId, Messages.Session(person.Email, person.Name, other, SessionTimes.Local(session.StartsAtUtc, zone), session.Place, session.TimeLimitMinutes, cancelled) with
            {
                Attachments = [new EmailAttachment(cancelled ? "cancelled-session.ics" : "session.ics", CalendarInvitation.MediaType(method), Encoding.UTF8.GetBytes(ics))],
            }, ct);
        }
    }
}
