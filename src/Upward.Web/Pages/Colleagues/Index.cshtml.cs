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
/// A mentee invites colleagues by email to add anonymous 360° feedback beside their brief, and reads
/// what colleagues said once at least k have answered: no author, no order of arrival, and counts
/// only as <see cref="ColleagueCounts"/> allows. The page takes no mentee id: it only ever shows the
/// signed-in mentee's own.
/// </summary>
[Requires(ProgrammeCapability.ReadOwnBrief)]
public sealed class IndexModel(UpwardDbContext db, Mailer mailer, PublicLinks links, TimeProvider clock, Upward.Web.Programmes.PageLinks pages) : ProgrammePageModel
{
    [BindProperty] public string? Email { get; set; }
    [FromQuery] public bool Sent { get; set; }

    public bool Enabled { get; private set; }
    public ColleagueCounts Counts { get; private set; } = ColleagueCounts.For(0, 0, 1);
    public IReadOnlyList<string> Invited { get; private set; } = [];
    public IReadOnlyList<AnonymousContribution> Comments { get; private set; } = [];

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
        var email = Email?.Trim() ?? "";
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
                // Once per address: one colleague must never count twice towards the threshold.
                ModelState.AddModelError(nameof(Email), $"You have already invited {normalised}");
            }
            else if (await db.ColleagueInvitations.CountAsync(i => i.MenteeEnrolmentId == _me, ct) >= ColleagueInvitation.MostPerMentee)
            {
                ModelState.AddModelError(nameof(Email), $"You can invite at most {ColleagueInvitation.MostPerMentee} colleagues");
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var token = InvitationTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new ColleagueInvitation
        {
            ProgrammeId = ProgrammeId, MenteeEnrolmentId = _me, Email = EmailAddress.Normalise(email),
            TokenHash = InvitationTokens.Hash(token), InvitedAtUtc = now, ExpiresAtUtc = now + ColleagueInvitation.Lifetime,
        };
        db.ColleagueInvitations.Add(invitation);
        // The invitation is audited (who asked whom to answer); nothing that follows from the link is.
        db.Audit(AuditAction.ColleagueInvited, User.UserId(), Programme.OrganisationId, ProgrammeId, $"colleague-invitation:{invitation.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same address sent twice at once: the unique index keeps one, and the first one stands.
            db.ChangeTracker.Clear();
            if (await db.ColleagueInvitations.AnyAsync(i => i.MenteeEnrolmentId == _me && i.Email == invitation.Email, ct))
            {
                return RedirectToPage("/Colleagues/Index", new { programmeId = ProgrammeId, sent = "true" });
            }
            throw;
        }
        var menteeName = await db.Users.Where(u => u.Id == User.UserId()).Select(u => u.DisplayName).SingleAsync(ct);
        var organisation = await db.Organisations.Where(o => o.Id == Programme.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        await mailer.SendAsync(Programme.OrganisationId, Messages.ColleagueFeedbackRequest(invitation.Email, menteeName, organisation, Programme.Name,
            Programme.AnonymityThreshold, ColleagueInvitation.Lifetime.Days, links.To(pages.Page("/Colleagues/Respond", new { token }))), ct);
        return RedirectToPage("/Colleagues/Index", new { programmeId = ProgrammeId, sent = "true" });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var invitations = await db.ColleagueInvitations.AsNoTracking().Where(i => i.MenteeEnrolmentId == _me)
            .Select(i => new { i.Email, i.Answered }).ToListAsync(ct);
        Invited = invitations.Select(i => i.Email).Order(StringComparer.Ordinal).ToList();
        Counts = ColleagueCounts.For(invitations.Count, invitations.Count(i => i.Answered), Programme.AnonymityThreshold);
        // Only released comments are in the pool, and a colleagues' batch is released only at k or more.
        // Shown by domain, then by text: the pool's own order is random, but sorting leaves nothing to read into it.
        Comments = await db.AnonymousContributions.AsNoTracking()
            .Where(c => c.MenteeEnrolmentId == _me && c.Source == ContributionSource.Colleague)
            .ToListAsync(ct);
        Comments = Comments.OrderBy(c => c.Text, StringComparer.Ordinal).ToList();
    }

    public IEnumerable<(ProgrammeDomain Domain, IReadOnlyList<AnonymousContribution> Comments)> ByDomain() =>
        Programme.Domains.Select(d => (d, (IReadOnlyList<AnonymousContribution>)Comments.Where(c => c.DomainId == d.Id).ToList()))
            .Where(x => x.Item2.Count > 0);
}
