using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Colleagues;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Pages.People;
using Upward.Web.Paging;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Colleagues;

/// <summary>
/// The coordinator approves or declines mentees' requests to invite colleagues for 360° feedback.
/// Only an approved request is emailed. The check is what keeps k meaningful: a mentee who could
/// answer k − 1 links themselves (second mailboxes) would single out the one real colleague's words,
/// so the coordinator confirms each address is the named colleague's, and shows each mentee's other
/// requests beside it so a second address for the same person stands out. Each decision is audited.
/// </summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class RequestsModel(UpwardDbContext db, Mailer mailer, PublicLinks links, TimeProvider clock, PageLinks pages) : ProgrammePageModel
{
    /// <summary>One mentee's requests: those awaiting a decision, and the ones already decided, for comparison.</summary>
    public sealed record MenteeRequests(Guid MenteeEnrolmentId, string MenteeName, string MenteeEmail, IReadOnlyList<ColleagueInvitation> Awaiting, IReadOnlyList<ColleagueInvitation> Decided, string MenteeCode = "");

    public bool Enabled { get; private set; }
    public IReadOnlyList<MenteeRequests> Mentees { get; private set; } = [];

    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    /// <summary>A mentee's name or participant code, or part of one.</summary>
    [FromQuery(Name = "search")] public string? Search { get; set; }

    public ListPage Paging { get; private set; } = ListPage.Of(1, MenteePage.Size, 0);

    /// <summary>What was just done, for the success banner: "approved" or "declined" and the colleague's name.</summary>
    [FromQuery] public string? Done { get; set; }
    [FromQuery] public string? Who { get; set; }

    /// <summary>Set when the request had already been decided, for example by another coordinator at the same time.</summary>
    public bool AlreadyDecided { get; private set; }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        Enabled = await db.ColleagueInputEnabledAsync(ProgrammeId, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid invitationId, CancellationToken ct)
    {
        if (!Enabled) return await RefuseAsync(ct);
        var token = InvitationTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = await DecideAsync(invitationId, i => i.Approve(InvitationTokens.Hash(token), now), AuditAction.ColleagueInvitationApproved, ct);
        if (outcome is not Outcome.Done(var invitation)) return await ResultAsync(outcome, ct);

        var mentee = await db.Enrolments.Where(e => e.Id == invitation.MenteeEnrolmentId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName).SingleAsync(ct);
        var organisation = await db.Organisations.Where(o => o.Id == Programme.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        await mailer.SendAsync(Programme.OrganisationId, Messages.ColleagueFeedbackRequest(invitation.Email, mentee, organisation, Programme.Name,
            Programme.AnonymityThreshold, ColleagueInvitation.Lifetime.Days, links.To(pages.Page("/Colleagues/Respond", new { token }))), ct);
        return RedirectToPage("/Colleagues/Requests", new { programmeId = ProgrammeId, done = "approved", who = invitation.ColleagueName, pageNumber = PageShown, search = SearchShown });
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid invitationId, CancellationToken ct)
    {
        if (!Enabled) return await RefuseAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = await DecideAsync(invitationId, i => i.Decline(now), AuditAction.ColleagueInvitationDeclined, ct);
        if (outcome is not Outcome.Done(var invitation)) return await ResultAsync(outcome, ct);
        return RedirectToPage("/Colleagues/Requests", new { programmeId = ProgrammeId, done = "declined", who = invitation.ColleagueName, pageNumber = PageShown, search = SearchShown });
    }

    private abstract record Outcome
    {
        public sealed record Done(ColleagueInvitation Invitation) : Outcome;
        public sealed record NotFound : Outcome;
        public sealed record AlreadyDecided : Outcome;
    }

    /// <summary>Applies one decision under a lock on the request, so two coordinators clicking at once decide it once.</summary>
    private Task<Outcome> DecideAsync(Guid invitationId, Action<ColleagueInvitation> decide, string auditAction, CancellationToken ct) =>
        db.WriteAtomicallyAsync<Outcome>(async ct =>
        {
            await db.LockAsync<ColleagueInvitation>(invitationId, ct);
            var invitation = await db.ColleagueInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.ProgrammeId == ProgrammeId, ct);
            if (invitation is null) return new Outcome.NotFound();
            if (invitation.Status != ColleagueInvitationStatus.AwaitingApproval) return new Outcome.AlreadyDecided();
            decide(invitation);
            db.Audit(auditAction, User.UserId(), Programme.OrganisationId, ProgrammeId, $"colleague-invitation:{invitation.Id}");
            await db.SaveChangesAsync(ct);
            return new Outcome.Done(invitation);
        }, ct);

    private async Task<IActionResult> ResultAsync(Outcome outcome, CancellationToken ct)
    {
        if (outcome is Outcome.NotFound) return NotFound();
        AlreadyDecided = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Colleague input has been turned off: nothing is approved, and the page says so.</summary>
    private async Task<IActionResult> RefuseAsync(CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The page to go back to after a decision (the buttons' addresses carry it); null for the first, so the address stays short.</summary>
    public int? PageShown => PageNumber > 1 ? PageNumber : null;

    public string? SearchShown => string.IsNullOrWhiteSpace(Search) ? null : Search;

    private async Task LoadAsync(CancellationToken ct)
    {
        // Only mentees with a request awaiting a decision: the list is as long as the work to do. A page
        // of them, by name, and then the requests of those mentees alone.
        var awaitingMentees = db.ColleagueInvitations.Where(i => i.ProgrammeId == ProgrammeId && i.Status == ColleagueInvitationStatus.AwaitingApproval)
            .Select(i => i.MenteeEnrolmentId);
        var (page, mentees) = await MenteePage.ReadAsync(db, awaitingMentees, Search, PageNumber, ct);
        Paging = page;
        PageNumber = page.Number;
        var ids = mentees.Select(m => m.EnrolmentId).ToList();
        var requests = await db.ColleagueInvitations.AsNoTracking()
            .Where(i => i.ProgrammeId == ProgrammeId && ids.Contains(i.MenteeEnrolmentId))
            .ToListAsync(ct);
        Mentees = mentees.Select(m =>
            {
                var theirs = requests.Where(r => r.MenteeEnrolmentId == m.EnrolmentId).ToList();
                return new MenteeRequests(m.EnrolmentId, m.Name, m.Email,
                    theirs.Where(i => i.Status == ColleagueInvitationStatus.AwaitingApproval).OrderBy(i => i.InvitedAtUtc).ToList(),
                    theirs.Where(i => i.Status != ColleagueInvitationStatus.AwaitingApproval).OrderBy(i => i.ColleagueName, StringComparer.OrdinalIgnoreCase).ToList(),
                    m.Code);
            })
            .ToList();
    }
}
