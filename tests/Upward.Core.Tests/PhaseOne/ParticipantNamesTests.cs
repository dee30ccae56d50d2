using Upward.Core.PhaseOne;

namespace Upward.Core.Tests.PhaseOne;

public sealed class ParticipantNamesTests
{
    private static readonly string[] People = ["Dr Amira Hassan", "Sam Okafor", "Dr Grace Wilson", "Alex Morgan (administrator)", "Prof Time Practice"];
    private static readonly string[] Domains = ["Use of technology", "Clinical practice", "Approach to juniors", "Time management", "Approachability", "Strengths", "Areas for improvement"];

    [Theory]
    [InlineData("Amira Hassan said so", "Amira Hassan")]
    [InlineData("as amira hassan put it", "amira hassan")]
    [InlineData("Amira thought so", "Amira")]
    [InlineData("Dr Hassan thought so", "Dr Hassan")]
    [InlineData("dr. hassan thought so", "dr. hassan")]
    [InlineData("Mr Okafor agreed", "Mr Okafor")]
    [InlineData("Sam agreed", "Sam")]
    [InlineData("Grace was kind", "Grace")]
    [InlineData("Alex Morgan agreed", "Alex Morgan")]
    [InlineData("Professor Practice spoke", "Professor Practice")]
    public void Names_in_several_forms_are_found(string text, string expected) =>
        Assert.Contains(expected, ParticipantNames.Find(text, People, Domains));

    [Fact]
    public void Domain_names_and_ordinary_words_are_no_false_alarm()
    {
        var text = string.Join(". ", Domains) + ". Clinical Practice, time management and approachability with grace; samples, Samuel and Hassanein are other words.";
        Assert.Empty(ParticipantNames.Find(text, People, Domains));
    }

    [Fact]
    public void Same_ignores_case_and_spacing() => Assert.True(ParticipantNames.Same("Dr  Hassan", "dr hassan"));
}
