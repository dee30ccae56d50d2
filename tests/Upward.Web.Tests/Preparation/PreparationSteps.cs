using Upward.Core.Preparation;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Preparation;

/// <summary>What a mentor and the coordinator do to get a mentor ready, as a browser would post it.</summary>
public static class PreparationSteps
{
    public static IReadOnlyList<int> RightAnswers(string key) =>
        [.. ModuleText.Parse(BuiltInModules.All.Single(m => m.Key == key).Markdown).Text!.Questions.Select(q => q.RightOption)];

    public static Dictionary<string, string> Answers(IReadOnlyList<int> answers) =>
        answers.Select((a, i) => (a, i)).ToDictionary(x => $"Answers[{x.i}]", x => x.a.ToString());

    public static Task<HttpResponseMessage> AnswerAsync(HttpClient mentor, Guid programmeId, string key, IReadOnlyList<int> answers)
    {
        var url = $"/programmes/{programmeId}/preparation/modules/{key}";
        return mentor.SubmitAsync(url, Answers(answers));
    }

    /// <summary>Every module the mentor is asked to do (the patient module too when <paramref name="patient"/>), the self-assessment, and the induction recorded by the coordinator.</summary>
    public static async Task MakeReadyAsync(HttpClient mentor, HttpClient coordinator, Guid programmeId, Guid enrolmentId, bool patient = false)
    {
        foreach (var module in BuiltInModules.All.Where(m => m.Audience == ModuleAudience.AllMentors || m.Audience == ModuleAudience.PatientMentors && patient))
        {
            (await AnswerAsync(mentor, programmeId, module.Key, RightAnswers(module.Key))).EnsureSuccessStatusCode();
        }
        var assessment = SelfAssessment.Statements.ToDictionary(s => $"Answers[{s.Key}]", _ => "yes");
        await mentor.SubmitAsync($"/programmes/{programmeId}/preparation/self-assessment", assessment);
        await RecordAttendanceAsync(coordinator, programmeId, enrolmentId, AttendanceKind.Induction, new DateOnly(2026, 11, 2));
    }

    public static Task<HttpResponseMessage> RecordAttendanceAsync(HttpClient coordinator, Guid programmeId, Guid enrolmentId, AttendanceKind kind, DateOnly day) =>
        coordinator.SubmitAsync($"/programmes/{programmeId}/preparation/readiness", new Dictionary<string, string>
        {
            ["Attend.Mentor"] = enrolmentId.ToString(), ["Attend.Kind"] = kind.ToString(),
            ["Attend.Day"] = day.Day.ToString(), ["Attend.Month"] = day.Month.ToString(), ["Attend.Year"] = day.Year.ToString(),
        }, $"/programmes/{programmeId}/preparation/readiness?handler=Attend");

    public static Task<HttpResponseMessage> WaitForReadinessAsync(HttpClient coordinator, Guid programmeId, bool wait, string? safeguarding = null, int sessions = 1, bool preparation = true, bool evaluation = true) =>
        coordinator.SubmitAsync($"/programmes/{programmeId}/preparation/settings", new Dictionary<string, string>
        {
            ["Input.AllocationWaitsForReadiness"] = wait ? "true" : "false", ["Input.SafeguardingContact"] = safeguarding ?? "",
            ["Input.CertificateNeedsPreparation"] = preparation ? "true" : "false", ["Input.CertificateMinimumSessions"] = sessions.ToString(),
            ["Input.CertificateNeedsEvaluation"] = evaluation ? "true" : "false",
        });
}
