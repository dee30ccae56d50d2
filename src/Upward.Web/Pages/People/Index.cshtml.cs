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

/// <summary>
/// The coordinator's board: one row per participant (or open invitation) with where they are, a page at
/// a time, searchable by name or code, filtered by role and stage and sorted, all in the database.
/// </summary>
[Requires(ProgrammeCapability.ViewProgress)]
public sealed class PeopleModel(UpwardDbContext db, ProgrammeInvitations invitations, TimeProvider clock) : ProgrammePageModel
{
    /// <summary>Rows on one page of the board; enough to find someone by scrolling, few enough to stay quick at 10,000 people.</summary>
    public const int PageSize = 50;

    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    /// <summary>A name or participant code, or part of one.</summary>
    [FromQuery(Name = "search")] public string? Search { get; set; }

    /// <summary>One of <see cref="PeopleBoardSort.Options"/>; anything else shows the default order.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; set; }

    /// <summary>One of <see cref="PeopleBoardFilter.RoleOptions"/>; anything else shows everyone.</summary>
    [FromQuery(Name = "role")] public string? RoleFilter { get; set; }

    /// <summary>One of <see cref="PeopleBoardFilter.StatusOptions"/>; anything else shows every stage.</summary>
    [FromQuery(Name = "status")] public string? StatusFilter { get; set; }

    /// <summary>The filters in words, or null when the whole programme is shown.</summary>
    public string? Filters => PeopleBoardFilter.Describe(RoleFilter, StatusFilter);

    /// <summary>The route values that keep this view of the board (search, filters, sort and page) across links and posts.</summary>
    public Dictionary<string, string> ViewValues(int? pageNumber = null)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(Search)) values["search"] = Search;
        if (RoleFilter is { } role) values["role"] = role;
        if (StatusFilter is { } status) values["status"] = status;
        if (Sort is { } sort && sort != PeopleBoardSort.Default) values["sort"] = sort;
        if ((pageNumber ?? PageNumber) is var n and > 1) values["pageNumber"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }

    /// <summary>The address of this view of the board at another page (or the same one), for links and redirects.</summary>
    public RouteValueDictionary ViewRoute(int? pageNumber = null)
    {
        var route = new RouteValueDictionary { ["programmeId"] = ProgrammeId };
        foreach (var (key, value) in ViewValues(pageNumber)) route[key] = value;
        return route;
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ListPage Paging { get; private set; } = ListPage.Of(1, PageSize, 0);
    public string Summary { get; private set; } = "";
    public int Invited { get; private set; }

    public sealed record Row(string? Code, string Name, ProgrammeRole Role, string Stage, Guid? InvitationId, string Questionnaires = "");

    public async Task<IActionResult> OnGetAsync(int invited, CancellationToken ct)
    {
        Invited = invited;
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);

        // Participants and open invitations in one list, filtered, searched, counted, sorted and paged in
        // the database: only this page's rows are read. A value the board does not offer is dropped here,
        // so the page and its links show the default instead.
        KeepOnlyOfferedValues();
        var term = ListSearch.Term(Search);
        var role = PeopleBoardFilter.RoleOf(RoleFilter);
        var status = PeopleBoardFilter.EnrolmentStatusOf(StatusFilter);

        var enrolled = db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.Role, e.Status, e.ParticipantCode, u.DisplayName });
        var invitationsOpen = db.Invitations.Where(i => i.ProgrammeId == ProgrammeId && i.AcceptedAtUtc == null);
        if (term is not null)
        {
            enrolled = enrolled.Where(e => e.DisplayName.ToLower().Contains(term) || e.ParticipantCode.ToLower().Contains(term));
            invitationsOpen = invitationsOpen.Where(i => i.Name.ToLower().Contains(term));
        }
        if (role is { } r)
        {
            enrolled = enrolled.Where(e => e.Role == r);
            invitationsOpen = invitationsOpen.Where(i => i.Role == r);
        }
        if (status is { } s)
        {
            enrolled = enrolled.Where(e => e.Status == s);
        }
        if (!PeopleBoardFilter.ShowsParticipants(StatusFilter))
        {
            enrolled = enrolled.Where(e => false);
        }
        if (!PeopleBoardFilter.ShowsInvitations(StatusFilter))
        {
            invitationsOpen = invitationsOpen.Where(i => false);
        }
        var entries = enrolled.Select(e => new PeopleBoardEntry { IsInvitation = false, Id = e.Id, Role = e.Role, Code = e.ParticipantCode, Name = e.DisplayName })
            .Concat(invitationsOpen.Select(i => new PeopleBoardEntry { IsInvitation = true, Id = i.Id, Role = i.Role, Code = "", Name = i.Name }));
        Paging = ListPage.Of(PageNumber, PageSize, await entries.CountAsync(ct));
        PageNumber = Paging.Number;
        var shown = await PeopleBoardSort.Apply(entries, Sort).Skip(Paging.Skip).Take(Paging.Size).ToListAsync(ct);

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
        // Back to the same view of the board (the form's address carries it).
        KeepOnlyOfferedValues();
        var route = ViewRoute();
        route["invited"] = "1";
        return RedirectToPage("/People/Index", route);
    }

    /// <summary>Sort and filters from the query string as the board offers them; anything else becomes the default.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Sort))]
    private void KeepOnlyOfferedValues()
    {
        Sort = PeopleBoardSort.Parse(Sort);
        RoleFilter = PeopleBoardFilter.ParseRole(RoleFilter);
        StatusFilter = PeopleBoardFilter.ParseStatus(StatusFilter);
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
