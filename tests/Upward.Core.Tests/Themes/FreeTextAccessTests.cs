using Upward.Core.Programmes;

namespace Upward.Core.Tests.Themes;

public sealed class FreeTextAccessTests
{
    [Theory]
    [InlineData(ProgrammeRole.Researcher, true, true, false)]
    [InlineData(ProgrammeRole.Coordinator, false, true, true)]
    [InlineData(ProgrammeRole.Facilitator, false, false, false)]
    [InlineData(ProgrammeRole.Mentor, false, false, false)]
    [InlineData(ProgrammeRole.Mentee, false, false, false)]
    public void Only_researchers_code_and_only_coordinators_read_originals(ProgrammeRole role, bool code, bool redact, bool original)
    {
        Assert.Equal(code, ProgrammeAccess.Allows(ProgrammeCapability.CodeFreeText, [role], false));
        Assert.Equal(redact, ProgrammeAccess.Allows(ProgrammeCapability.RedactFreeText, [role], false));
        Assert.Equal(original, ProgrammeAccess.Allows(ProgrammeCapability.ReadOriginalText, [role], false));
    }

    [Theory]
    [InlineData(ProgrammeCapability.CodeFreeText)]
    [InlineData(ProgrammeCapability.RedactFreeText)]
    [InlineData(ProgrammeCapability.ReadOriginalText)]
    public void Administering_the_organisation_gives_no_sight_of_free_text(ProgrammeCapability capability)
    {
        Assert.False(ProgrammeAccess.Allows(capability, [], isOrganisationAdmin: true));
    }
}
