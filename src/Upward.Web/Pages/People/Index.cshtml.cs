using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Pages.Questionnaires;
using Upward.Web.Pages.Sessions;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.People;

/// <summary>The coordinator's board: one row per participant (or open invitation) with where they are.</summary>
[Requires(ProgrammeCapability.ViewProgress)]
public sealed class PeopleModel(UpwardDbContext db, ProgrammeInvitations invitations, TimeProvider clock) : ProgrammePageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string Summary { get; private set; } = "";
    public int Invited { get; private set; }

    public sealed record Row(string? Code, string Name, ProgrammeRole Role, string Stage, Guid? InvitationId, string Questionnaires = "");

    public async Task<IActionResult> OnGetAsync(int invited, CancellationToken ct)
    {
        Invited = invited;
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);
        var enrolled = await db.Enrolments
            .Where(e => e.ProgrammeId == ProgrammeId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, e.Role, e.Status, u.DisplayName })
            .ToListAsync(ct);
        var pairs = await PairStagesAsync(ct);
        var open = await db.Invitations.Where(i => i.ProgrammeId == ProgrammeId && i.AcceptedAtUtc == null).ToListAsync(ct);

        // Completion only (how many sent of those opened), never the answers themselves.
        var waves = await db.Waves.Where(w => w.ProgrammeId == ProgrammeId && w.OpenedAtUtc != null).Select(w => new { w.Id, w.Audience, w.Stage }).ToListAsync(ct);
        var paired = await db.PairedEnrolmentsAsync(ProgrammeId, ct);
        var toldTheyWait = await db.ToldTheyWaitAsync(ProgrammeId, ct);
        var sent = await db.Responses.Where(r => r.Status == ResponseStatus.Submitted && db.Waves.Any(w => w.Id == r.WaveId && w.ProgrammeId == ProgrammeId))
            .Select(r => r.EnrolmentId).ToListAsync(ct);
        string Completion(Guid enrolmentId, ProgrammeRole role)
        {
            var due = waves.Count(w => w.Audience == role && StageApplicability.AppliesTo(w.Stage, paired.Contains(enrolmentId), toldTheyWait.Contains(enrolmentId)));
            return due == 0 ? "None yet" : $"{sent.Count(id => id == enrolmentId)} of {due} sent";
        }

        Rows = enrolled.Select(r => new Row(r.ParticipantCode, r.DisplayName, r.Role,
                pairs.TryGetValue(r.Id, out var pair) && r.Status == EnrolmentStatus.Consented ? pair : Stage(r.Status), null, Completion(r.Id, r.Role)))
            .Concat(open.Select(i => new Row(null, i.Name, i.Role,
                i.IsOpen(now) ? $"Invited on {TimeZoneInfo.ConvertTimeFromUtc(i.CreatedAtUtc, zone):d MMM yyyy}" : "Invitation expired", i.Id)))
            .OrderBy(r => r.Role).ThenBy(r => r.Code ?? "~", StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var mentors = enrolled.Count(r => r.Role == ProgrammeRole.Mentor && r.Status == EnrolmentStatus.Consented);
        var mentees = enrolled.Count(r => r.Role == ProgrammeRole.Mentee && r.Status == EnrolmentStatus.Consented);
        Summary = $"{mentors} {(mentors == 1 ? "mentor" : "mentors")} and {mentees} {(mentees == 1 ? "mentee" : "mentees")} have agreed to take part; {open.Count} {(open.Count == 1 ? "invitation is" : "invitations are")} not yet accepted.";
        return Page();
    }

    [Requires(ProgrammeCapability.Manage)]
    public async Task<IActionResult> OnPostResendAsync(Guid invitationId, CancellationToken ct)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.ProgrammeId == Programme.Id && i.AcceptedAtUtc == null, ct);
        if (invitation is null)
        {
            return NotFound();
        }
        await invitations.ResendAsync(Programme, invitation, User.UserId(), ct);
        return RedirectToPage("/People/Index", new { programmeId = Programme.Id, invited = "1" });
    }

    /// <summary>Where each paired person's sessions stand, for the board (never what was said).</summary>
    private async Task<Dictionary<Guid, string>> PairStagesAsync(CancellationToken ct)
    {
        var pairings = await db.Pairings.Where(p => p.ProgrammeId == ProgrammeId && p.Status == PairingStatus.Active).ToListAsync(ct);
        var ids = pairings.Select(p => p.Id).ToList();
        var sessions = await db.MentoringSessions.Where(s => ids.Contains(s.PairingId)).ToListAsync(ct);
        var stages = new Dictionary<Guid, string>();
        var rulesVersion = (await db.GroundRulesInForceAsync(ProgrammeId, ct)).Version;
        foreach (var pairing in pairings)
        {
            var mine = sessions.Where(s => s.PairingId == pairing.Id).ToList();
            var held = mine.Count(s => s.Status == SessionStatus.Held);
            var text = !pairing.GroundRulesAccepted(rulesVersion) ? "Paired, ground rules not yet accepted by both"
                : held > 0 ? $"Paired, {held} of {Programme.SessionsPerPair} {(Programme.SessionsPerPair == 1 ? "session" : "sessions")} held"
                : mine.Any(s => s.Status == SessionStatus.Agreed) ? "Paired, session agreed"
                : mine.Any(s => s.Status == SessionStatus.Proposed) ? "Paired, a time is proposed"
                : "Paired, no session planned yet";
            stages[pairing.MentorEnrolmentId] = stages.TryGetValue(pairing.MentorEnrolmentId, out var other) ? $"{other}; {text}" : text;
            stages[pairing.MenteeEnrolmentId] = text;
        }
        return stages;
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
