using Upward.Core.Programmes;

namespace Upward.Core.Tests.Questionnaires;

public sealed class QuestionnaireAccessTests
{
    [Theory]
    [InlineData(ProgrammeRole.Mentor, true)]
    [InlineData(ProgrammeRole.Mentee, true)]
    [InlineData(ProgrammeRole.Coordinator, false)]
    [InlineData(ProgrammeRole.Facilitator, false)]
    [InlineData(ProgrammeRole.Researcher, false)]
    public void Only_mentors_and_mentees_answer(ProgrammeRole role, bool answers) =>
        Assert.Equal(answers, ProgrammeAccess.Allows(ProgrammeCapability.AnswerQuestionnaires, [role], isOrganisationAdmin: false));

    [Fact]
    public void An_administrator_who_is_not_a_participant_does_not_answer() =>
        Assert.False(ProgrammeAccess.Allows(ProgrammeCapability.AnswerQuestionnaires, [], isOrganisationAdmin: true));

    [Theory]
    [InlineData(ProgrammeRole.Mentor)]
    [InlineData(ProgrammeRole.Mentee)]
    [InlineData(ProgrammeRole.Facilitator)]
    [InlineData(ProgrammeRole.Researcher)]
    public void Only_coordinators_and_administrators_manage_questionnaires(ProgrammeRole role)
    {
        Assert.False(ProgrammeAccess.Allows(ProgrammeCapability.ManageQuestionnaires, [role], false));
        Assert.True(ProgrammeAccess.Allows(ProgrammeCapability.ManageQuestionnaires, [ProgrammeRole.Coordinator], false));
        Assert.True(ProgrammeAccess.Allows(ProgrammeCapability.ManageQuestionnaires, [], true));
    }
}
