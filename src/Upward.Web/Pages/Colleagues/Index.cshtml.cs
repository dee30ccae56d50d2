using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Colleagues;
using Upward.Core.PhaseOne;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Pages.People;
using Upward.Web.Pages.PhaseOne;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Colleagues;

/// <summary>
/// A mentee asks for colleagues to be invited by email to add anonymous 360° feedback beside their
/// brief, and reads what colleagues said once at least k have answered: no author, no order of
/// arrival, and counts only as <see cref="ColleagueCounts"/> allows. Nothing is emailed until a
/// coordinator approves the request (<see cref="ApproveModel"/>): the mentee chooses whom to ask, and
/// unchecked they could make up k − 1 of the answers themselves. The page takes no mentee id: it only
/// ever shows the signed-in mentee's own.
/// </summary>
[Requires(ProgrammeCapability.ReadOwnBrief)]
public sealed class IndexModel(UpwardDbContext db, TimeProvider clock) : ProgrammePageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? ColleagueName { get; set; }
    [BindProperty] public string? WorkingRelationship { get; set; }
    [FromQuery] public bool Sent { get; set; }

    public bool Enabled { get; private set; }
    public ColleagueCounts Counts { get; private set; } = ColleagueCounts.For(0, 0, 1);
    public IReadOnlyList<AskedColleague> Asked { get; private set; } = [];
    public IReadOnlyList<AnonymousContribution> Comments { get; private set; } = [];

    /// <summary>A colleague the mentee asked for, and where the request stands (never whether they answered).</summary>
    public sealed record AskedColleague(string Name, string Email, ColleagueInvitationStatus Status);

    private Guid _me;

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        Enabled = await db.ColleagueInputEnabledAsync(ProgrammeId, ct);
        if (!Enabled)
        {
            // The programme does not ask colleagues: the page says so, and refuses every form.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        _me = (await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct))!.Value;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = ColleagueName?.Trim() ?? "";
        var relationship = WorkingRelationship?.Trim() ?? "";
        var email = Email?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(ColleagueName), "Enter your colleague's name");
        }
        else if (name.Length > ColleagueInvitation.NameMaxLength)
        {
            ModelState.AddModelError(nameof(ColleagueName), $"Your colleague's name must be {ColleagueInvitation.NameMaxLength} characters or fewer");
        }
        if (relationship.Length == 0)
        {
            ModelState.AddModelError(nameof(WorkingRelationship), "Enter how your colleague works with you");
        }
        else if (relationship.Length > ColleagueInvitation.WorkingRelationshipMaxLength)
        {
            ModelState.AddModelError(nameof(WorkingRelationship), $"How your colleague works with you must be {ColleagueInvitation.WorkingRelationshipMaxLength} characters or fewer");
        }
        if (email.Length == 0)
        {
            ModelState.AddModelError(nameof(Email), "Enter your colleague's email address");
        }
        else if (email.Length > ColleagueInvitation.EmailMaxLength || !EmailAddress.IsValid(email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.nhs.uk");
        }
        else
        {
            var normalised = EmailAddress.Normalise(email);
            var own = await db.Users.Where(u => u.Id == User.UserId()).Select(u => u.Email).SingleOrDefaultAsync(ct);
            if (own is not null && EmailAddress.Normalise(own) == normalised)
            {
                ModelState.AddModelError(nameof(Email), "Enter a colleague's email address, not your own");
            }
            else if (await db.ColleagueInvitations.AnyAsync(i => i.MenteeEnrolmentId == _me && i.Email == normalised, ct))
            {
                // Once per address, declined ones included: one colleague must never count twice towards the threshold.
                ModelState.AddModelError(nameof(Email), $"You have already asked for {normalised}");
            }
            else if (await db.ColleagueInvitations.CountAsync(i => i.MenteeEnrolmentId == _me, ct) >= ColleagueInvitation.MostPerMentee)
            {
                ModelState.AddModelError(nameof(Email), $"You can ask for at most {ColleagueInvitation.MostPerMentee} colleagues");
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var invitation = new ColleagueInvitation
        {
            ProgrammeId = ProgrammeId, MenteeEnrolmentId = _me, Email = EmailAddress.Normalise(email),
            ColleagueName = name, WorkingRelationship = relationship, InvitedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ColleagueInvitations.Add(invitation);
        // The request is audited (who asked for whom); nothing that follows from the colleague's link is.
        db.Audit(AuditAction.ColleagueInvited, User.UserId(), Programme.OrganisationId, ProgrammeId, $"colleague-invitation:{invitation.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address sent twice at once: the unique index keeps one, and the first one stands.
            db.ChangeTracker.Clear();
            if (!await db.ColleagueInvitations.AnyAsync(i => i.MenteeEnrolmentId == _me && i.Email == invitation.Email, ct))
            {
                throw;
            }
        }
        return RedirectToPage("/Colleagues/Index", new { programmeId = ProgrammeId, sent = "true" });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var invitations = await db.ColleagueInvitations.AsNoTracking().Where(i => i.MenteeEnrolmentId == _me)
            .Select(i => new { i.ColleagueName, i.Email, i.Status, i.Answered }).ToListAsync(ct);
        // By name: neither the order of asking nor of answering is shown back.
        Asked = invitations.Select(i => new AskedColleague(i.ColleagueName, i.Email, i.Status))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Email, StringComparer.Ordinal).ToList();
        Counts = ColleagueCounts.For(invitations.Count(i => i.Status == ColleagueInvitationStatus.Sent), invitations.Count(i => i.Answered), Programme.AnonymityThreshold);
        // Only released comments are in the pool, a colleagues' batch is released only at k or more, and
        // the mentee sees it once a facilitator has read it (ReviewModel).
        // Shown by domain, then by text: the pool's own order is random, but sorting leaves nothing to read into it.
        Comments = await db.AnonymousContributions.AsNoTracking()
            .Where(c => c.MenteeEnrolmentId == _me && c.Source == ContributionSource.Colleague && c.ShownToMentee)
            .ToListAsync(ct);
        Comments = Comments.OrderBy(c => c.Text, StringComparer.Ordinal).ToList();
    }

    public IEnumerable<(ProgrammeDomain Domain, IReadOnlyList<AnonymousContribution> Comments)> ByDomain() =>
        Programme.Domains.Select(d => (d, (IReadOnlyList<AnonymousContribution>)Comments.Where(c => c.DomainId == d.Id).ToList()))
            .Where(x => x.Item2.Count > 0);

    /// <summary>What the mentee is told of one request.</summary>
    public static string StatusText(ColleagueInvitationStatus status) => status switch
    {
        ColleagueInvitationStatus.AwaitingApproval => "Waiting for the coordinator to approve",
        ColleagueInvitationStatus.Sent => "Invitation sent",
        _ => "Not approved: ask your coordinator why",
    };
}
