using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Core.Recognition;

namespace Upward.Core.Tests.Preparation;

public sealed class PreparationRulesTests
{
    [Fact]
    public void Every_built_in_module_reads_with_a_self_check_of_at_least_three_questions()
    {
        Assert.Equal(6, BuiltInModules.All.Count);
        foreach (var module in BuiltInModules.All)
        {
            var (text, problem) = ModuleText.Parse(module.Markdown);
            Assert.True(text is not null, $"{module.Key}: {problem}");
            Assert.True(text.Questions.Count >= 3, module.Key);
            Assert.All(text.Questions, q => Assert.False(string.IsNullOrWhiteSpace(q.Explanation)));
            Assert.DoesNotContain("## Self-check", text.Body);
        }
        Assert.Single(BuiltInModules.All, m => m.Audience == ModuleAudience.PatientMentors);
        Assert.Single(BuiltInModules.All, m => m.Audience == ModuleAudience.Mentees);
    }

    [Theory]
    [InlineData("", "Enter the module's text")]
    [InlineData("No title\n\n## Self-check\n", "Start the module with its title")]
    [InlineData("# Title\n\nText\n", "End the module with a self-check")]
    [InlineData("# Title\n\nText\n\n## Self-check\n", "Add at least one self-check question")]
    [InlineData("# Title\n\nText\n\n## Self-check\n\n### Q?\n- [x] A\n> Why\n", "at least two options")]
    [InlineData("# Title\n\nText\n\n## Self-check\n\n### Q?\n- [x] A\n- [x] B\n> Why\n", "Mark only one right answer")]
    [InlineData("# Title\n\nText\n\n## Self-check\n\n### Q?\n- [ ] A\n- [x] B\n", "Explain the right answer")]
    [InlineData("# Title\n\n## Self-check\n\n### Q?\n- [ ] A\n- [x] B\n> Why\n", "Write the module's text")]
    public void A_module_that_cannot_be_read_is_refused_with_what_to_do(string markdown, string expected)
    {
        var (text, problem) = ModuleText.Parse(markdown);
        Assert.Null(text);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Every_answer_must_be_right_and_present()
    {
        var text = ModuleText.Parse("# T\n\nBody\n\n## Self-check\n\n### One?\n- [ ] a\n- [x] b\n> because\n\n### Two?\n- [x] c\n- [ ] d\n> because\n").Text!;
        Assert.True(text.AllRight([1, 0]));
        Assert.False(text.AllRight([1, 1]));
        Assert.False(text.AllRight([1, null]));
        Assert.False(text.AllRight([1]));
    }

    [Fact]
    public void Readiness_names_each_missing_step_and_asks_the_patient_module_only_of_patients()
    {
        var modules = new[]
        {
            new Readiness.ModuleRef("a", 1, "First", ModuleAudience.AllMentors),
            new Readiness.ModuleRef("p", 2, "For patients", ModuleAudience.PatientMentors),
        };
        Assert.Equal(["Self-assessment not done", "Induction not attended"], Readiness.Reasons(modules, false, new HashSet<string> { "a" }, false, false));
        Assert.Equal(["Module 2 not done (For patients)"], Readiness.Reasons(modules, true, new HashSet<string> { "a" }, true, true));
        Assert.Empty(Readiness.Reasons(modules, false, new HashSet<string> { "a" }, true, true));
    }

    [Fact]
    public void The_mentees_module_is_never_part_of_a_mentors_readiness()
    {
        var modules = new[]
        {
            new Readiness.ModuleRef("a", 1, "First", ModuleAudience.AllMentors),
            new Readiness.ModuleRef("p", 2, "For patients", ModuleAudience.PatientMentors),
            new Readiness.ModuleRef("m", 3, "For mentees", ModuleAudience.Mentees),
        };
        Assert.Empty(Readiness.Reasons(modules, false, new HashSet<string> { "a" }, true, true));
        Assert.Empty(Readiness.Reasons(modules, true, new HashSet<string> { "a", "p" }, true, true));
        Assert.Equal(["a", "p"], Readiness.ModulesFor(modules, true).Select(m => m.Key));
    }

    [Fact]
    public void A_patient_mentor_follows_the_programme_type_unless_the_coordinator_said_otherwise()
    {
        Enrolment Mentor(bool? patient) => new() { Role = ProgrammeRole.Mentor, ParticipantCode = "MR-01", IsPatientMentor = patient };
        Assert.True(PatientMentors.Is(Mentor(null), ProgrammeType.PatientAsMentor));
        Assert.False(PatientMentors.Is(Mentor(null), ProgrammeType.ClinicalFeedback));
        Assert.True(PatientMentors.Is(Mentor(true), ProgrammeType.ClinicalFeedback));
        Assert.False(PatientMentors.Is(Mentor(false), ProgrammeType.PatientAsMentor));
        Assert.False(PatientMentors.Is(new Enrolment { Role = ProgrammeRole.Mentee, ParticipantCode = "ME-01", IsPatientMentor = true }, ProgrammeType.PatientAsMentor));
    }

    [Theory]
    [InlineData("12.50", 1250)]
    [InlineData("£8", 800)]
    [InlineData(" 1,000.00 ", 100_000)]
    [InlineData("0.01", 1)]
    [InlineData("0", null)]
    [InlineData("1000.01", null)]
    [InlineData("12.505", null)]
    [InlineData("-3", null)]
    [InlineData("twelve", null)]
    public void Amounts_are_read_as_pounds_to_the_penny(string typed, int? pence) => Assert.Equal(pence, ExpenseClaim.ParsePounds(typed));

    [Fact]
    public void Claims_move_forward_one_step_at_a_time()
    {
        Assert.True(ExpenseClaim.CanMove(ExpenseStatus.Submitted, ExpenseStatus.Approved));
        Assert.True(ExpenseClaim.CanMove(ExpenseStatus.Approved, ExpenseStatus.Paid));
        Assert.False(ExpenseClaim.CanMove(ExpenseStatus.Submitted, ExpenseStatus.Paid));
        Assert.False(ExpenseClaim.CanMove(ExpenseStatus.Paid, ExpenseStatus.Approved));
    }

    [Fact]
    public void Certificate_codes_are_long_random_and_read_back_however_typed()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => Certificate.NewCode()).ToHashSet();
        Assert.Equal(1000, codes.Count);
        var code = codes.First();
        Assert.Equal(Certificate.CodeLength, code.Length);
        Assert.DoesNotContain(code, c => "ILOU".Contains(c));
        Assert.Equal(code, Certificate.Normalise(Certificate.Grouped(code).ToLowerInvariant()));
        Assert.Null(Certificate.Normalise(code[..^1]));
        Assert.Null(Certificate.Normalise(code[..^1] + "!"));
    }

    [Fact]
    public void Certificate_criteria_say_what_is_missing_as_the_programme_set_them()
    {
        var settings = new PreparationSettings { CertificateNeedsPreparation = true, CertificateMinimumSessions = 3, CertificateNeedsEvaluation = true };
        Assert.Equal(["Finish every preparation module", "Hold 3 sessions with your mentee (1 held so far)", "Answer the programme's last questionnaire"],
            CertificateCriteria.Missing(settings, new MentorRecord(false, 1, false)));
        Assert.Empty(CertificateCriteria.Missing(settings, new MentorRecord(true, 3, true)));
        settings.CertificateNeedsPreparation = settings.CertificateNeedsEvaluation = false;
        settings.CertificateMinimumSessions = 0;
        Assert.Empty(CertificateCriteria.Missing(settings, new MentorRecord(false, 0, false)));
    }
}
