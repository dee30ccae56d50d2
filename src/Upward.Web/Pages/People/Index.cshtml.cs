using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Pages.Questionnaires;
using Upward.Web.Pages.Sessions;
using Upward.Web.Identity;
using Upward.Web.Paging;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.People;

/// <summary>The coordinator's board: one row per participant (or open invitation) with where they are, a page at a time, searchable by name or code.</summary>
[Requires(ProgrammeCapability.ViewProgress)]
public sealed class PeopleModel(UpwardDbContext db, ProgrammeInvitations invitations, TimeProvider clock) : ProgrammePageModel
{
    /// <summary>Rows on one page of the board; enough to find someone by scrolling, few enough to stay quick at 10,000 people.</summary>
    public const int PageSize = 50;

    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    /// <summary>A name or participant code, or part of one.</summary>
    [FromQuery(Name = "search")] public string? Search { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ListPage Paging { get; private set; } = ListPage.Of(1, PageSize, 0);
    public string Summary { get; private set; } = "";
    public int Invited { get; private set; }

    public sealed record Row(string? Code, string Name, ProgrammeRole Role, string Stage, Guid? InvitationId, string Questionnaires = "");

    /// <summary>One line of the board before its details are read: what it is sorted and paged by.</summary>
    private sealed class Entry
    {
        public bool IsInvitation { get; init; }
        public Guid Id { get; init; }
        public ProgrammeRole Role { get; init; }
        public string SortCode { get; init; } = "";
        public string Name { get; init; } = "";
    }

    public async Task<IActionResult> OnGetAsync(int invited, CancellationToken ct)
    {
        Invited = invited;
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);

        // Participants and open invitations in one ordered list (by role, then code, invitations after
        // the codes, then name), counted and paged in the database: only this page's rows are read.
        var term = ListSearch.Term(Search);
        var enrolled = db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.Role, e.ParticipantCode, u.DisplayName });
        var invitationsOpen = db.Invitations.Where(i => i.ProgrammeId == ProgrammeId && i.AcceptedAtUtc == null);
        if (term is not null)
        {
            enrolled = enrolled.Where(e => e.DisplayName.ToLower().Contains(term) || e.ParticipantCode.ToLower().Contains(term));
            invitationsOpen = invitationsOpen.Where(i => i.Name.ToLower().Contains(term));
        }
        var entries = enrolled.Select(e => new Entry { IsInvitation = false, Id = e.Id, Role = e.Role, SortCode = e.ParticipantCode, Name = e.DisplayName })
            .Concat(invitationsOpen.Select(i => new Entry { IsInvitation = true, Id = i.Id, Role = i.Role, SortCode = "~", Name = i.Name }));
        Paging = ListPage.Of(PageNumber, PageSize, await entries.CountAsync(ct));
        PageNumber = Paging.Number;
        var shown = await entries.OrderBy(e => e.Role).ThenBy(e => e.SortCode).ThenBy(e => e.Name).ThenBy(e => e.Id)
            .Skip(Paging.Skip).Take(Paging.Size).ToListAsync(ct);

        var enrolmentIds = shown.Where(e => !e.IsInvitation).Select(e => e.Id).ToList();
        var invitationIds = shown.Where(e => e.IsInvitation).Select(e => e.Id).ToList();
        var people = await db.Enrolments.Where(e => enrolmentIds.Contains(e.Id)).Select(e => new { e.Id, e.ParticipantCode, e.Status }).ToDictionaryAsync(e => e.Id, ct);
        var open = await db.Invitations.Where(i => invitationIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var pairs = await PairStagesAsync(enrolmentIds, ct);

        // Completion only (how many sent of those opened), never the answers themselves.
        var waves = await db.Waves.Where(w => w.ProgrammeId == ProgrammeId && w.OpenedAtUtc != null).Select(w => new { w.Id, w.Audience, w.Stage }).ToListAsync(ct);
        var paired = await db.EverPairedOfAsync(enrolmentIds, ct);
        var toldTheyWait = await db.ToldTheyWaitAsync(ProgrammeId, ct);
        var sent = await db.Responses
            .Where(r => enrolmentIds.Contains(r.EnrolmentId) && r.Status == ResponseStatus.Submitted && db.Waves.Any(w => w.Id == r.WaveId && w.ProgrammeId == ProgrammeId))
            .GroupBy(r => r.EnrolmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        string Completion(Guid enrolmentId, ProgrammeRole role)
        {
            var due = waves.Count(w => w.Audience == role && StageApplicability.AppliesTo(w.Stage, paired.Contains(enrolmentId), toldTheyWait.Contains(enrolmentId)));
            return due == 0 ? "None yet" : $"{sent.GetValueOrDefault(enrolmentId)} of {due} sent";
        }

        Rows = shown.Select(e =>
        {
            if (e.IsInvitation && open.TryGetValue(e.Id, out var i))
            {
                return new Row(null, i.Name, i.Role,
                    i.IsOpen(now) ? $"Invited on {TimeZoneInfo.ConvertTimeFromUtc(i.CreatedAtUtc, zone):d MMM yyyy}" : "Invitation expired", i.Id);
            }
            var person = people[e.Id];
            var stage = pairs.TryGetValue(e.Id, out var pair) && person.Status == EnrolmentStatus.Consented ? pair : Stage(person.Status);
            return new Row(person.ParticipantCode, e.Name, e.Role, stage, null, Completion(e.Id, e.Role));
        }).ToList();

        // The summary is of the whole programme, whatever the search.
        var consented = db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.Status == EnrolmentStatus.Consented);
        var mentors = await consented.CountAsync(e => e.Role == ProgrammeRole.Mentor, ct);
        var mentees = await consented.CountAsync(e => e.Role == ProgrammeRole.Mentee, ct);
        var invitations = await db.Invitations.CountAsync(i => i.ProgrammeId == ProgrammeId && i.AcceptedAtUtc == null, ct);
        Summary = $"{mentors} {(mentors == 1 ? "mentor" : "mentors")} and {mentees} {(mentees == 1 ? "mentee" : "mentees")} have agreed to take part; {invitations} {(invitations == 1 ? "invitation is" : "invitations are")} not yet accepted.";
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

    /// <summary>Where the sessions of each paired person shown stand, for the board (never what was said).</summary>
    private async Task<Dictionary<Guid, string>> PairStagesAsync(IReadOnlyCollection<Guid> enrolmentIds, CancellationToken ct)
    {
        var pairings = await db.Pairings.Where(p => p.ProgrammeId == ProgrammeId && p.Status == PairingStatus.Active
            && (enrolmentIds.Contains(p.MentorEnrolmentId) || enrolmentIds.Contains(p.MenteeEnrolmentId))).ToListAsync(ct);
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
