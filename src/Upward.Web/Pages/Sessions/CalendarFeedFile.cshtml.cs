using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Email;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// The subscription a calendar app polls: no sign-in (calendar apps cannot), the secret in the
/// address is the key. It holds the person's sessions in their active pairings and the last days of
/// the questionnaires they still have to answer (from each programme's timeline), and nothing else.
/// </summary>
public sealed class CalendarFeedFileModel(UpwardDbContext db, IOptions<EmailOptions> email, TimeProvider clock) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var hash = CalendarFeed.Hash(Token);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAtUtc == null, ct);
        if (feed is null) return NotFound();

        var mine = await db.Enrolments.Where(e => e.UserId == feed.UserId && e.Status != EnrolmentStatus.Withdrawn).Select(e => e.Id).ToListAsync(ct);
        var pairings = await db.Pairings.Where(p => p.Status == PairingStatus.Active && (mine.Contains(p.MentorEnrolmentId) || mine.Contains(p.MenteeEnrolmentId))).ToListAsync(ct);
        var entries = new List<CalendarInvitation.SessionEntry>();
        foreach (var pairing in pairings)
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == pairing.ProgrammeId, ct);
            var people = await db.PeopleOfAsync(pairing, ct);
            var partnerId = mine.Contains(pairing.MentorEnrolmentId) ? pairing.MenteeEnrolmentId : pairing.MentorEnrolmentId;
            var partner = await db.Enrolments.Where(e => e.Id == partnerId).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName).SingleAsync(ct);
            var sessions = await db.MentoringSessions.Where(s => s.PairingId == pairing.Id && s.Status != SessionStatus.Cancelled).ToListAsync(ct);
            entries.AddRange(sessions.Select(s => new CalendarInvitation.SessionEntry(s, programme.Name, programme.TimeZone, partner, people)));
        }
        var deadlines = await QuestionnaireDeadlines.ForAsync(db, feed.UserId, ct);
        var ics = CalendarInvitation.Serialise(CalendarMethod.Publish, entries, PairAccess.Organiser(email.Value), clock.GetUtcNow().UtcDateTime, deadlines);
        // The address is the key: keep the file out of shared caches.
        Response.Headers.CacheControl = "private, no-store";
        return File(Encoding.UTF8.GetBytes(ics), CalendarInvitation.MediaType(CalendarMethod.Publish), "upward-sessions.ics");
    }
}
