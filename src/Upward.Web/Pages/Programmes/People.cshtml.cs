using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.People;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

/// <summary>The coordinator's board: one row per participant (or open invitation) with where they are.</summary>
public sealed class PeopleModel(ProgrammeGate gate, UpwardDbContext db, ProgrammeInvitations invitations, TimeProvider clock) : ProgrammePageModel(gate)
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string Summary { get; private set; } = "";
    public int Invited { get; private set; }

    public sealed record Row(string? Code, string Name, ProgrammeRole Role, string Stage, Guid? InvitationId);

    public async Task<IActionResult> OnGetAsync(int invited, CancellationToken ct)
    {
        if (await EnterAsync(ProgrammeCapability.ViewProgress, ct) is { } refused)
        {
            return refused;
        }
        Invited = invited;
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);
        var enrolled = await db.Enrolments
            .Where(e => e.ProgrammeId == ProgrammeId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.ParticipantCode, e.Role, e.Status, u.DisplayName })
            .ToListAsync(ct);
        var open = await db.Invitations.Where(i => i.ProgrammeId == ProgrammeId && i.AcceptedAtUtc == null).ToListAsync(ct);

        Rows = enrolled.Select(r => new Row(r.ParticipantCode, r.DisplayName, r.Role, Stage(r.Status), null))
            .Concat(open.Select(i => new Row(null, i.Name, i.Role,
                i.IsOpen(now) ? $"Invited on {TimeZoneInfo.ConvertTimeFromUtc(i.CreatedAtUtc, zone):d MMM yyyy}" : "Invitation expired", i.Id)))
            .OrderBy(r => r.Role).ThenBy(r => r.Code ?? "~", StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var mentors = enrolled.Count(r => r.Role == ProgrammeRole.Mentor && r.Status == EnrolmentStatus.Consented);
        var mentees = enrolled.Count(r => r.Role == ProgrammeRole.Mentee && r.Status == EnrolmentStatus.Consented);
        Summary = $"{mentors} {(mentors == 1 ? "mentor" : "mentors")} and {mentees} {(mentees == 1 ? "mentee" : "mentees")} have agreed to take part; {open.Count} {(open.Count == 1 ? "invitation is" : "invitations are")} not yet accepted.";
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid invitationId, CancellationToken ct)
    {
        if (await EnterAsync(ProgrammeCapability.Manage, ct) is { } refused)
        {
            return refused;
        }
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.ProgrammeId == Programme.Id && i.AcceptedAtUtc == null, ct);
        if (invitation is null)
        {
            return NotFound();
        }
        await invitations.ResendAsync(Programme, invitation, User.UserId(), ct);
        return Redirect($"/programmes/{Programme.Id}/people?invited=1");
    }

    private static string Stage(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Invited => "Joined, has not answered the consent questions",
        EnrolmentStatus.Consented => "Agreed to take part",
        EnrolmentStatus.Declined => "Chose not to take part",
        EnrolmentStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };
}
