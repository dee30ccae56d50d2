using Upward.Core.Colleagues;

namespace Upward.Core.Tests.Preparation;

/// <summary>A colleague's invitation is decided once: approved (sent, with a link that expires) or declined (never sent).</summary>
public sealed class ColleagueInvitationTests
{
    private static readonly DateTime Now = new(2027, 1, 12, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_invitation_awaiting_approval_has_no_link_and_cannot_be_answered()
    {
        var invitation = new ColleagueInvitation { InvitedAtUtc = Now };
        Assert.Equal(ColleagueInvitationStatus.AwaitingApproval, invitation.Status);
        Assert.Null(invitation.TokenHash);
        Assert.Null(invitation.ExpiresAtUtc);
        Assert.False(invitation.IsOpen(Now));
    }

    [Fact]
    public void Approving_sends_a_link_that_works_for_its_lifetime_from_the_approval()
    {
        var invitation = new ColleagueInvitation { InvitedAtUtc = Now };
        var approved = Now.AddDays(3);
        invitation.Approve("hash", approved);
        Assert.Equal(ColleagueInvitationStatus.Sent, invitation.Status);
        Assert.Equal("hash", invitation.TokenHash);
        Assert.Equal(approved, invitation.DecidedAtUtc);
        Assert.True(invitation.IsOpen(approved + ColleagueInvitation.Lifetime - TimeSpan.FromSeconds(1)));
        Assert.False(invitation.IsOpen(approved + ColleagueInvitation.Lifetime));
        invitation.Answered = true;
        Assert.False(invitation.IsOpen(approved));
    }

    [Fact]
    public void A_declined_invitation_is_never_open_and_neither_decision_can_be_made_twice()
    {
        var declined = new ColleagueInvitation { InvitedAtUtc = Now };
        declined.Decline(Now);
        Assert.Equal(ColleagueInvitationStatus.Declined, declined.Status);
        Assert.False(declined.IsOpen(Now));
        Assert.Throws<InvalidOperationException>(() => declined.Approve("hash", Now));
        Assert.Throws<InvalidOperationException>(() => declined.Decline(Now));

        var sent = new ColleagueInvitation { InvitedAtUtc = Now };
        sent.Approve("hash", Now);
        Assert.Throws<InvalidOperationException>(() => sent.Decline(Now));
        Assert.Throws<InvalidOperationException>(() => sent.Approve("other", Now));
        Assert.Equal("hash", sent.TokenHash);
    }
}
