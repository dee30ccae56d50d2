using Microsoft.EntityFrameworkCore;
using Upward.Core.Evaluation;
using Upward.Core.Evaluation.Checklists;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
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
public sealed class ChecklistSource(EvaluationCalculations evaluations, PreparationQueries preparation, UpwardDbContext db)
{
    public sealed record Drafts(ReportingChecklist Squire, ReportingChecklist? Gripp2);

    public async Task<Drafts> DraftAsync(Programme programme, CancellationToken ct)
    {
        // The same evaluation as the page: the plan's outcomes and design, and a waitlist's arms.
        var evaluation = await evaluations.GetAsync(programme, ct);
        var (report, table1) = (evaluation.Report, BoardReportSource.Figures(evaluation.Themes));
        var facts = await FactsAsync(programme, evaluation.Plan, ct);
        return new Drafts(SquireChecklist.Draft(report, table1, facts), Gripp2ShortForm.AppliesTo(facts) ? Gripp2ShortForm.Draft(report, facts) : null);
    }

    private async Task<ChecklistFacts> FactsAsync(Programme programme, AnalysisPlan plan, CancellationToken ct)
    {
        var organisation = await db.Organisations.Where(o => o.Id == programme.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var answered = await db.AnsweredBetweenAsync(programme.Id, ct);
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
        string Day(DateTime utc) => EvaluationDates.Day(programme, utc);
        var answers = answered is not { } span ? null
            : Day(span.First) == Day(span.Last) ? $"on {Day(span.First)}" : $"from {Day(span.First)} to {Day(span.Last)}";
        return new ChecklistFacts(organisation, programme.Type, Day(programme.CreatedAtUtc), answers, plan.Design, plan.Alpha, patientMentors, modules,
            !string.IsNullOrWhiteSpace(settings.SafeguardingContact), paid);
    }
}
