using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Email;

namespace Upward.Web.Pages.People;

/// <summary>Creates invitations, emails their single-use links and finds an invitation from a link.</summary>
public sealed class ProgrammeInvitations(UpwardDbContext db, Mailer mailer, PublicLinks links, TimeProvider clock, Upward.Web.Programmes.PageLinks pages)
{
    public sealed record Invitee(string Email, string Name, ProgrammeRole Role, DemographicBands Demographics);

    /// <summary>Email (normalised) and role pairs already invited to or enrolled in the programme.</summary>
    public async Task<HashSet<(string, ProgrammeRole)>> AlreadyInvitedAsync(Guid programmeId, CancellationToken ct)
    {
        var invited = await db.Invitations.Where(i => i.ProgrammeId == programmeId).Select(i => new { i.Email, i.Role }).ToListAsync(ct);
        var enrolled = await db.Enrolments.Where(e => e.ProgrammeId == programmeId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.Email, e.Role }).ToListAsync(ct);
        return invited.Select(i => (i.Email, i.Role))
            .Concat(enrolled.Where(e => e.Email != null).Select(e => (EmailAddress.Normalise(e.Email!), e.Role)))
            .ToHashSet();
    }

    /// <summary>Invites everyone in one transaction (all or nothing), then sends the emails.</summary>
    public async Task InviteAsync(Programme programme, IReadOnlyList<Invitee> invitees, Guid actorUserId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var outgoing = new List<(Invitation Invitation, string Token)>();
        foreach (var invitee in invitees)
        {
            var token = InvitationTokens.New();
            var invitation = new Invitation
            {
                ProgrammeId = programme.Id,
                Email = EmailAddress.Normalise(invitee.Email),
                Name = invitee.Name.Trim(),
                Role = invitee.Role,
                TokenHash = InvitationTokens.Hash(token),
                CreatedAtUtc = now,
                ExpiresAtUtc = now + Invitation.Lifetime,
                Demographics = invitee.Demographics.Copy(),
            };
            db.Invitations.Add(invitation);
            db.Audit(AuditAction.InvitationSent, actorUserId, programme.OrganisationId, programme.Id, $"invitation:{invitation.Id}");
            outgoing.Add((invitation, token));
        }
        await db.SaveChangesAsync(ct);

        foreach (var (invitation, token) in outgoing)
        {
            await mailer.SendAsync(programme.OrganisationId, await InvitationEmailAsync(programme, invitation, token, ct), ct);
        }
    }

    /// <summary>A fresh link for an unaccepted invitation (the old link stops working).</summary>
    public async Task ResendAsync(Programme programme, Invitation invitation, Guid actorUserId, CancellationToken ct)
    {
        var token = InvitationTokens.New();
        invitation.TokenHash = InvitationTokens.Hash(token);
        invitation.ExpiresAtUtc = clock.GetUtcNow().UtcDateTime + Invitation.Lifetime;
        db.Audit(AuditAction.InvitationSent, actorUserId, programme.OrganisationId, programme.Id, $"invitation:{invitation.Id}");
        await db.SaveChangesAsync(ct);
        await mailer.SendAsync(programme.OrganisationId, await InvitationEmailAsync(programme, invitation, token, ct), ct);
    }

    /// <summary>
    /// The one reminder of an invitation nobody has answered, by the scheduler: a fresh link (the first one's
    /// token is not kept, only its hash) that works for as long as a new invitation's.
    /// </summary>
    public async Task RemindAsync(Programme programme, Invitation invitation, CancellationToken ct)
    {
        var token = InvitationTokens.New();
        invitation.TokenHash = InvitationTokens.Hash(token);
        invitation.ExpiresAtUtc = clock.GetUtcNow().UtcDateTime + Invitation.Lifetime;
        db.Audit(AuditAction.InvitationReminded, null, programme.OrganisationId, programme.Id, $"invitation:{invitation.Id}");
        await db.SaveChangesAsync(ct);
        var email = await InvitationEmailAsync(programme, invitation, token, ct);
        await mailer.SendAsync(programme.OrganisationId, email with
        {
            Subject = $"Reminder: {email.Subject}",
            Body = "This is a reminder, and the only one we will send. The link below replaces the one in your first invitation.\n\n" + email.Body,
        }, ct);
    }

    /// <summary>The invitation a link stands for, if the link is well formed and known (open or not).</summary>
    public async Task<Invitation?> FindAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var hash = InvitationTokens.Hash(token);
        return await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    /// <summary>Enrols the signed-in person the invitation was for; they still have to consent.</summary>
    public async Task<Enrolment> AcceptAsync(Invitation invitation, Guid userId, CancellationToken ct)
    {
        var programme = await db.Programmes.SingleAsync(p => p.Id == invitation.ProgrammeId, ct);
        // The page refuses this with an explanation first; this is the rule's last line.
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.OrganisationId == programme.OrganisationId, ct))
        {
            throw new InvalidOperationException("An account of another organisation cannot accept this invitation");
        }
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.ProgrammeId == programme.Id && e.UserId == userId && e.Role == invitation.Role, ct);
        if (enrolment is null)
        {
            var codes = await db.Enrolments.Where(e => e.ProgrammeId == programme.Id).Select(e => e.ParticipantCode).ToListAsync(ct);
            enrolment = new Enrolment
            {
                ProgrammeId = programme.Id,
                UserId = userId,
                Role = invitation.Role,
                ParticipantCode = ParticipantCode.Next(invitation.Role, codes),
                Demographics = invitation.Demographics.Copy(),
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.Enrolments.Add(enrolment);
        }
        invitation.AcceptedAtUtc = clock.GetUtcNow().UtcDateTime;
        invitation.EnrolmentId = enrolment.Id;
        db.Audit(AuditAction.InvitationAccepted, userId, programme.OrganisationId, programme.Id, $"enrolment:{enrolment.Id}");
        await db.SaveChangesAsync(ct);
        return enrolment;
    }

    private async Task<OutgoingEmail> InvitationEmailAsync(Programme programme, Invitation invitation, string token, CancellationToken ct)
    {
        var role = invitation.Role.ToString().ToLowerInvariant();
        var link = links.To(pages.Page("/People/Accept", new { token }));
        var organisation = await db.Organisations.Where(o => o.Id == programme.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return Messages.Invitation(invitation.Email, invitation.Name, organisation, programme.Name, role, Invitation.Lifetime.Days, link);
    }
}
