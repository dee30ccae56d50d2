using Upward.Core.PhaseOne;
using Upward.Core.Programmes;

namespace Upward.Core.Tests.PhaseOne;

public sealed class FeedbackBriefReleaseTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static PhaseOneSettings Settings(FeedbackMode mode, bool menteeMaySee = true) =>
        new() { Mode = mode, MenteeMaySeeBrief = menteeMaySee };

    private static FeedbackBrief Reviewed() => new() { Status = BriefStatus.Reviewed, ReviewedAtUtc = Now };

    [Fact]
    public void Anonymous_mode_refuses_below_k_with_the_count_in_the_reason()
    {
        var decision = FeedbackBriefRelease.CanRelease(Reviewed(), ReleaseAudience.Mentee, Settings(FeedbackMode.Anonymous), anonymityThreshold: 3, distinctContributors: 2);

        Assert.False(decision.Allowed);
        Assert.Contains("Only 2 of the 3 mentors needed have contributed", decision.Reason);
    }

    [Fact]
    public void Anonymous_mode_at_k_and_reviewed_may_go_to_the_mentee()
    {
        Assert.True(FeedbackBriefRelease.CanRelease(Reviewed(), ReleaseAudience.Mentee, Settings(FeedbackMode.Anonymous), 3, 3).Allowed);
    }

    [Theory]
    [InlineData(FeedbackMode.Group)]
    [InlineData(FeedbackMode.Anonymous)]
    public void An_unreviewed_brief_is_refused_in_either_mode(FeedbackMode mode)
    {
        var decision = FeedbackBriefRelease.CanRelease(new FeedbackBrief(), ReleaseAudience.Mentee, Settings(mode), 3, 6);

        Assert.False(decision.Allowed);
        Assert.Contains("must review", decision.Reason);
    }

    [Fact]
    public void Group_mode_needs_no_contributors()
    {
        Assert.True(FeedbackBriefRelease.CanRelease(Reviewed(), ReleaseAudience.Mentee, Settings(FeedbackMode.Group), 3, 0).Allowed);
    }

    [Fact]
    public void The_mentee_gets_it_only_where_the_programme_says_so_and_only_once()
    {
        Assert.Contains("does not release briefs to mentees",
            FeedbackBriefRelease.CanRelease(Reviewed(), ReleaseAudience.Mentee, Settings(FeedbackMode.Group, menteeMaySee: false), 3, 0).Reason);

        var brief = Reviewed();
        FeedbackBriefRelease.Release(brief, ReleaseAudience.Mentee, Now);
        Assert.Equal(BriefStatus.ReleasedToMentee, brief.Status);
        Assert.Contains("already been released", FeedbackBriefRelease.CanRelease(brief, ReleaseAudience.Mentee, Settings(FeedbackMode.Group), 3, 0).Reason);
    }

    [Fact]
    public void The_mentor_needs_an_allocation()
    {
        var brief = Reviewed();
        Assert.Contains("No mentor has been allocated", FeedbackBriefRelease.CanRelease(brief, ReleaseAudience.Mentor, Settings(FeedbackMode.Group), 3, 0).Reason);

        brief.AllocatedMentorEnrolmentId = Guid.NewGuid();
        Assert.True(FeedbackBriefRelease.CanRelease(brief, ReleaseAudience.Mentor, Settings(FeedbackMode.Group), 3, 0).Allowed);
        FeedbackBriefRelease.Release(brief, ReleaseAudience.Mentor, Now);
        Assert.Equal(BriefStatus.ReleasedToMentor, brief.Status);
        Assert.Equal(Now, brief.ReleasedToMentorAtUtc);
    }

    [Fact]
    public void Editing_undoes_a_review_and_a_released_brief_cannot_be_edited()
    {
        var brief = Reviewed();
        brief.Edited(Now);
        Assert.Equal(BriefStatus.Draft, brief.Status);
        Assert.Null(brief.ReviewedAtUtc);

        var released = Reviewed();
        FeedbackBriefRelease.Release(released, ReleaseAudience.Mentee, Now);
        Assert.False(released.IsEditable);
        Assert.Throws<InvalidOperationException>(() => released.Edited(Now));
    }

    [Fact]
    public void Contributions_are_unreadable_below_k()
    {
        Assert.False(FeedbackBriefRelease.ContributionsMayBeRead(2, 3));
        Assert.True(FeedbackBriefRelease.ContributionsMayBeRead(3, 3));
    }

    [Fact]
    public void Drafts_from_contributions_ignore_arrival_order_and_hide_ratings_below_k()
    {
        var domain = Guid.NewGuid();
        AnonymousContribution C(string text, int? rating) => new() { DomainId = domain, Text = text, Rating = rating };

        var twoRatings = BriefDraft.FromContributions([C("Zealous about audit", 4), C("Always answers the bleep", 5), C("Teaches on rounds", null)], threshold: 3);
        Assert.Equal("- Always answers the bleep\n- Teaches on rounds\n- Zealous about audit", twoRatings);

        var threeRatings = BriefDraft.FromContributions([C("b", 4), C("a", 5), C("c", 2)], threshold: 3);
        Assert.EndsWith("Median rating: 4 out of 5 (3 mentors rated)", threeRatings);
        Assert.StartsWith("- a\n- b\n- c", threeRatings);
    }

    [Fact]
    public void Drafts_from_a_group_note_carry_its_rating()
    {
        Assert.Equal("Kind to juniors\n\nGroup rating: 4 out of 5", BriefDraft.FromGroupNote(new GroupNote { Points = " Kind to juniors ", Rating = 4 }));
        Assert.Equal("", BriefDraft.FromGroupNote(null));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(0, false)]
    [InlineData(7, false)]
    public void Ratings_run_from_1_to_5_or_none(int? rating, bool valid) => Assert.Equal(valid, Rating.IsValid(rating));

    [Theory]
    [InlineData(ProgrammeRole.Mentor, ProgrammeCapability.DeclareWillingness, true)]
    [InlineData(ProgrammeRole.Mentor, ProgrammeCapability.ContributeFeedback, true)]
    [InlineData(ProgrammeRole.Mentor, ProgrammeCapability.ViewWillingness, false)]
    [InlineData(ProgrammeRole.Mentor, ProgrammeCapability.FacilitatePhaseOne, false)]
    [InlineData(ProgrammeRole.Mentor, ProgrammeCapability.ReadOwnBrief, false)]
    [InlineData(ProgrammeRole.Mentee, ProgrammeCapability.ReadOwnBrief, true)]
    [InlineData(ProgrammeRole.Mentee, ProgrammeCapability.ChooseMentors, true)]
    [InlineData(ProgrammeRole.Mentor, ProgrammeCapability.ChooseMentors, false)]
    [InlineData(ProgrammeRole.Coordinator, ProgrammeCapability.ChooseMentors, false)]
    [InlineData(ProgrammeRole.Mentee, ProgrammeCapability.DescribeOwnWork, true)]
    [InlineData(ProgrammeRole.Mentor, ProgrammeCapability.DescribeOwnWork, true)]
    [InlineData(ProgrammeRole.Coordinator, ProgrammeCapability.DescribeOwnWork, false)]
    [InlineData(ProgrammeRole.Researcher, ProgrammeCapability.DescribeOwnWork, false)]
    [InlineData(ProgrammeRole.Facilitator, ProgrammeCapability.DescribeOwnWork, false)]
    [InlineData(ProgrammeRole.Mentee, ProgrammeCapability.ViewWillingness, false)]
    [InlineData(ProgrammeRole.Mentee, ProgrammeCapability.DeclareWillingness, false)]
    [InlineData(ProgrammeRole.Mentee, ProgrammeCapability.FacilitatePhaseOne, false)]
    [InlineData(ProgrammeRole.Mentee, ProgrammeCapability.ContributeFeedback, false)]
    [InlineData(ProgrammeRole.Facilitator, ProgrammeCapability.FacilitatePhaseOne, true)]
    [InlineData(ProgrammeRole.Facilitator, ProgrammeCapability.ViewWillingness, false)]
    [InlineData(ProgrammeRole.Coordinator, ProgrammeCapability.FacilitatePhaseOne, true)]
    [InlineData(ProgrammeRole.Coordinator, ProgrammeCapability.ViewWillingness, true)]
    [InlineData(ProgrammeRole.Coordinator, ProgrammeCapability.ReadOwnBrief, false)]
    [InlineData(ProgrammeRole.Researcher, ProgrammeCapability.ViewWillingness, false)]
    [InlineData(ProgrammeRole.Researcher, ProgrammeCapability.FacilitatePhaseOne, false)]
    public void Phase_one_capabilities_follow_the_role(ProgrammeRole role, ProgrammeCapability capability, bool allowed) =>
        Assert.Equal(allowed, ProgrammeAccess.Allows(capability, [role], isOrganisationAdmin: false));

    [Fact]
    public void An_admin_sees_willingness_but_reads_no_brief_and_contributes_nothing()
    {
        Assert.True(ProgrammeAccess.Allows(ProgrammeCapability.ViewWillingness, [], true));
        Assert.False(ProgrammeAccess.Allows(ProgrammeCapability.ReadOwnBrief, [], true));
        Assert.False(ProgrammeAccess.Allows(ProgrammeCapability.ContributeFeedback, [], true));
        Assert.False(ProgrammeAccess.Allows(ProgrammeCapability.FacilitatePhaseOne, [], true));
    }
}
