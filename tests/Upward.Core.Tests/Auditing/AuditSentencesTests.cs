using System.Reflection;
using Upward.Core.Auditing;

namespace Upward.Core.Tests.Auditing;

public sealed class AuditSentencesTests
{
    /// <summary>Every action code the code base can write: the constants of <see cref="AuditAction"/>, read by reflection rather than listed by hand.</summary>
    public static TheoryData<string> Actions()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(AuditAction).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
        {
            data.Add((string)field.GetRawConstantValue()!);
        }
        return data;
    }

    [Fact]
    public void There_are_actions_to_check() => Assert.True(Actions().Count > 60);

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_action_reads_as_a_sentence_without_its_code(string action)
    {
        Assert.True(AuditSentences.Has(action), $"{action} has no sentence");
        var sentence = AuditSentences.Of(action, new AuditSentences.Words("Alex Smith", "Respiratory pilot", null));
        Assert.DoesNotContain(action, sentence);
        Assert.True(char.IsUpper(sentence[0]), sentence);
        // With nobody known to have acted (Upward itself, or a visitor not signed in), it still reads.
        var unattended = AuditSentences.Of(action, new AuditSentences.Words(null, null, null));
        Assert.DoesNotContain("  ", unattended);
        Assert.True(char.IsUpper(unattended[0]), unattended);
    }

    [Fact]
    public void A_wave_opened_names_who_which_questionnaire_and_which_programme()
    {
        Assert.Equal("Alex Smith opened the before phase 1 questionnaire for mentors in Respiratory pilot",
            AuditSentences.Of(AuditAction.QuestionnaireWaveOpened, new("Alex Smith", "Respiratory pilot", "the before phase 1 questionnaire for mentors")));
    }

    [Fact]
    public void An_action_from_an_older_version_still_reads_with_its_code()
    {
        Assert.Equal("Alex Smith: retired.action in Respiratory pilot", AuditSentences.Of("retired.action", new("Alex Smith", "Respiratory pilot", null)));
    }
}
