using Upward.Core.Programmes;

namespace Upward.Core.Tests.Programmes;

public sealed class ProgrammeAccessTests
{
    private static readonly ProgrammeRole[] None = [];

    [Theory]
    [InlineData(ProgrammeRole.Mentor)]
    [InlineData(ProgrammeRole.Mentee)]
    [InlineData(ProgrammeRole.Facilitator)]
    [InlineData(ProgrammeRole.Researcher)]
    public void Only_coordinators_and_admins_manage_or_see_progress(ProgrammeRole role)
    {
        Assert.True(ProgrammeAccess.Allows(ProgrammeCapability.ViewOverview, [role], false));
        Assert.False(ProgrammeAccess.Allows(ProgrammeCapability.Manage, [role], false));
        Assert.False(ProgrammeAccess.Allows(ProgrammeCapability.ViewProgress, [role], false));
    }

    [Fact]
    public void Coordinator_and_admin_may_manage()
    {
        Assert.True(ProgrammeAccess.Allows(ProgrammeCapability.Manage, [ProgrammeRole.Coordinator], false));
        Assert.True(ProgrammeAccess.Allows(ProgrammeCapability.ViewProgress, None, true));
    }

    [Fact]
    public void A_non_member_may_do_nothing()
    {
        foreach (var capability in Enum.GetValues<ProgrammeCapability>())
        {
            Assert.False(ProgrammeAccess.Allows(capability, None, false));
        }
    }

    [Fact]
    public void Lifecycle_runs_draft_to_closed_and_only_a_draft_is_editable()
    {
        var path = new List<ProgrammeStatus> { ProgrammeStatus.Draft };
        while (ProgrammeAccess.NextStatus(path[^1]) is { } next) path.Add(next);

        Assert.Equal([ProgrammeStatus.Draft, ProgrammeStatus.Recruiting, ProgrammeStatus.Running, ProgrammeStatus.Evaluating, ProgrammeStatus.Closed], path);
        Assert.Single(path, ProgrammeAccess.DesignIsEditable);
    }

    [Fact]
    public void Clinical_feedback_template_carries_the_study_domains_in_order()
    {
        var programme = Programme.FromTemplate(ProgrammeTemplate.ClinicalFeedback, Guid.NewGuid(), "Pilot");

        Assert.Equal(7, programme.Domains.Count);
        Assert.Equal("Use of technology", programme.Domains[0].Name);
        Assert.Equal("Areas for improvement", programme.Domains[6].Name);
        Assert.Equal(3, programme.AnonymityThreshold);
        Assert.Equal(60, programme.SessionTimeLimitMinutes);
        Assert.Equal("Europe/London", programme.TimeZone);
    }

    [Fact]
    public void Participant_codes_are_pseudonymous_and_numbered()
    {
        Assert.Equal("MR-03", ParticipantCode.For(ProgrammeRole.Mentor, 3));
        Assert.Equal("ME-12", ParticipantCode.For(ProgrammeRole.Mentee, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParticipantCode.For(ProgrammeRole.Mentor, 0));
    }
}

public sealed class ParticipantCodeTests
{
    [Fact]
    public void Next_code_follows_the_highest_of_that_role_and_never_reuses_one()
    {
        Assert.Equal("MR-01", ParticipantCode.Next(ProgrammeRole.Mentor, []));
        Assert.Equal("MR-04", ParticipantCode.Next(ProgrammeRole.Mentor, ["MR-01", "MR-03", "ME-07"]));
        Assert.Equal("ME-08", ParticipantCode.Next(ProgrammeRole.Mentee, ["MR-01", "MR-03", "ME-07"]));
    }
}
