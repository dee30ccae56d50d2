using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Sessions;

/// <summary>A session's .ics file to add to one's own calendar, for either person in the pair and nobody else.</summary>
[Requires(ProgrammeCapability.HoldSessions)]
public sealed class SessionCalendarModel(UpwardDbContext db, IOptions<EmailOptions> email, TimeProvider clock) : ProgrammePageModel
{
    [FromRoute] public Guid PairingId { get; set; }
    [FromRoute] public int Number { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.FindMyPairAsync(ProgrammeId, User.UserId(), PairingId, ct) is not { } pair) return NotFound();
        var session = await db.MentoringSessions.SingleOrDefaultAsync(s => s.PairingId == PairingId && s.Number == Number, ct);
        if (session is null) return NotFound();
        var ics = CalendarInvitation.For(session, Programme.Name, Programme.TimeZone, pair.Partner, CalendarMethod.Publish,
            PairAccess.Organiser(email.Value), await db.PeopleOfAsync(pair.Pairing, ct), clock.GetUtcNow().UtcDateTime);
        return File(Encoding.UTF8.GetBytes(ics), CalendarInvitation.MediaType(CalendarMethod.Publish), $"reverse-mentoring-session-{session.Number}.ics");
    }
}
