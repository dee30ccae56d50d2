using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Evaluation;
using Upward.Core.Evaluation.Checklists;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Core.Timeline;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Web.Pages.Evaluation.Report;
using Upward.Web.Pages.FreeText;
using Upward.Web.Pages.Preparation;

namespace Upward.Web.Pages.Evaluation.Checklists;

/// <summary>
/// Gathers what the reporting checklists are drafted from: the evaluation as the report page builds
/// it (with the programme's analysis plan and Table 1), and the setting the report does not carry —
/// the organisation, dates, the design, patient mentors, preparation modules and expenses.
/// </summary>
public sealed class ChecklistSource(BundleExport export, ThemesTable themes, PreparationQueries preparation, UpwardDbContext db)
{
    public sealed record Drafts(ReportingChecklist Squire, ReportingChecklist? Gripp2);

    public async Task<Drafts> DraftAsync(Programme programme, CancellationToken ct)
    {
        var plan = await db.CurrentAsync(programme, ct);
        // Built as the evaluation page builds it: the plan's outcomes and design, and a waitlist's arms.
        var report = EvaluationReport.Build(await export.BuildAsync(programme, ct), plan.Plan, await db.ByCodeAsync(programme.Id, ct)) with { Plan = plan.Stamp };
        var table1 = BoardReportSource.Figures(await themes.BuildAsync(programme.Id, ct));
        var facts = await FactsAsync(programme, plan.Plan, ct);
        return new Drafts(SquireChecklist.Draft(report, table1, facts), Gripp2ShortForm.AppliesTo(facts) ? Gripp2ShortForm.Draft(report, facts) : null);
    }

    private async Task<ChecklistFacts> FactsAsync(Programme programme, AnalysisPlan plan, CancellationToken ct)
    {
        var organisation = await db.Organisations.Where(o => o.Id == programme.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var submitted = await db.Responses
            .Where(r => r.SubmittedAtUtc != null && db.Enrolments.Any(e => e.Id == r.EnrolmentId && e.ProgrammeId == programme.Id))
            .GroupBy(_ => 1).Select(g => new { First = g.Min(r => r.SubmittedAtUtc!.Value), Last = g.Max(r => r.SubmittedAtUtc!.Value) })
            .SingleOrDefaultAsync(ct);
        // As PatientMentors.Is decides it: the coordinator's word, else the programme's type.
        var patientByDefault = programme.Type == ProgrammeType.PatientAsMentor;
        var patientMentors = await db.Enrolments.CountAsync(e => e.ProgrammeId == programme.Id && e.Role == ProgrammeRole.Mentor
            && e.Status != EnrolmentStatus.Withdrawn && (e.IsPatientMentor ?? patientByDefault), ct);
        var settings = await preparation.SettingsAsync(programme.Id, ct);
        var paid = await db.ExpenseClaims.CountAsync(c => c.ProgrammeId == programme.Id && c.Status == ExpenseStatus.Paid, ct);
        // The patient mentors' module is part of the intervention only where patients mentor.
        var modules = (await preparation.ModulesAsync(programme, ct))
            .Where(m => m.Row.Audience != ModuleAudience.PatientMentors || patientMentors > 0)
            .Select(m => m.Text.Title).ToList();
        var zone = LocalTimes.Zone(programme.TimeZone);
        string Day(DateTime utc) => LocalTimes.LocalDate(utc, zone).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var answers = submitted is null ? null
            : Day(submitted.First) == Day(submitted.Last) ? $"on {Day(submitted.First)}" : $"from {Day(submitted.First)} to {Day(submitted.Last)}";
        return new ChecklistFacts(organisation, programme.Type, Day(programme.CreatedAtUtc), answers, plan.Design, plan.Alpha, patientMentors, modules,
            !string.IsNullOrWhiteSpace(settings.SafeguardingContact), paid);
    }
}
