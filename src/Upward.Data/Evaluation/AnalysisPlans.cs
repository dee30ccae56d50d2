using Microsoft.EntityFrameworkCore;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;

namespace Upward.Data.Evaluation;

/// <summary>A programme's analysis plan (its own, or the template's) and when it became fixed.</summary>
public static class AnalysisPlans
{
    /// <summary>The stages answered after some part of the programme has taken place.</summary>
    private static readonly Stage[] AfterIntervention = [Stage.AfterPhase1, Stage.AfterPhase2, Stage.After];

    public sealed record Current(AnalysisPlan Plan, bool IsTemplates, DateTime? FixedAtUtc)
    {
        public AnalysisPlanStamp Stamp => new(Plan.Sha256(), FixedAtUtc);
    }

    public static async Task<Current> CurrentAsync(this UpwardDbContext db, Programme programme, CancellationToken ct)
    {
        var stored = await db.AnalysisPlans.AsNoTracking().SingleOrDefaultAsync(p => p.ProgrammeId == programme.Id, ct);
        var plan = stored is null ? null : AnalysisPlan.Parse(stored.Json);
        return new Current(plan ?? AnalysisPlan.Default(programme.Type), plan is null, await FixedAtAsync(db, programme.Id, ct));
    }

    /// <summary>When the first answer after the intervention was sent: from then on the plan cannot change.</summary>
    public static async Task<DateTime?> FixedAtAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct) =>
        await db.Responses
            .Where(r => r.Status == ResponseStatus.Submitted && r.SubmittedAtUtc != null
                && db.Waves.Any(w => w.Id == r.WaveId && w.ProgrammeId == programmeId && AfterIntervention.Contains(w.Stage)))
            .MinAsync(r => r.SubmittedAtUtc, ct);
}
