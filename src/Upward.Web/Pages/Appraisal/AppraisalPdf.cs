using Upward.Core.Appraisal;
using Upward.Core.Programmes;
using Upward.Web.Pages.Evaluation;

namespace Upward.Web.Pages.Appraisal;

/// <summary>
/// The mentee's reflection laid out under two of the GMC's types of supporting information for
/// appraisal and revalidation: reflection on feedback, and quality improvement activity. It carries
/// the mentee's own words and dates, and names no mentor.
/// </summary>
public static class AppraisalPdf
{
    public static byte[] Write(ReflectiveSummary summary, Programme programme, IReadOnlyList<DateTime> sessionsHeldAtUtc, DateTime nowUtc)
    {
        var from = programme.Type == ProgrammeType.PatientAsMentor ? "a patient or carer" : "a less senior colleague";
        var sessions = sessionsHeldAtUtc.Count switch
        {
            0 => "No one-to-one session is recorded as held yet.",
            1 => $"One one-to-one session, held on {sessionsHeldAtUtc[0]:d MMMM yyyy}.",
            var n => $"{n} one-to-one sessions, held between {sessionsHeldAtUtc[0]:d MMMM yyyy} and {sessionsHeldAtUtc[^1]:d MMMM yyyy}.",
        };
        return ReportPdf.Write("Reverse mentoring: reflection for appraisal",
        [
            ("About this activity", [
                $"Programme: {programme.Name} (reverse mentoring).",
                $"As the mentee, I received structured feedback on my practice from {from}, who acted as my mentor.",
                sessions,
                $"Written by me in Upward; this copy made on {nowUtc:d MMMM yyyy}, last changed on {summary.UpdatedAtUtc:d MMMM yyyy}. "
                    + "It does not name my mentor: what is said in reverse mentoring sessions is confidential.",
            ]),
            ("Supporting information: reflection on feedback", [
                "What I heard",
                .. Lines(summary.WhatIHeard),
                "What I will change",
                .. Lines(summary.WhatIWillChange),
            ]),
            ("Supporting information: quality improvement activity", [
                "My action plan",
                .. Lines(summary.ActionPlan),
            ]),
        ]);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
