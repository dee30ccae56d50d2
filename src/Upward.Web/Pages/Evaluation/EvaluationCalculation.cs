using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Web.Pages.FreeText;

namespace Upward.Web.Pages.Evaluation;

/// <summary>A programme's evaluation as calculated at one moment: the report under its plan, and Table 1.</summary>
/// <param name="Kept">True when these are kept figures (a large programme) rather than calculated for this request.</param>
public sealed record CalculatedEvaluation(EvaluationReport Report, AnalysisPlan Plan, ThemesTable.Table Themes, DateTime CalculatedAtUtc, bool Kept)
{
    /// <summary>Kept figures older than their age, shown while newer ones are calculated in the background.</summary>
    public bool PastTheirAge { get; init; }
}

/// <summary>
/// When a programme is large enough for its evaluation to be kept rather than recalculated on every
/// view (configuration section <c>Upward:Evaluation</c>).
/// </summary>
public sealed class EvaluationOptions
{
    public const string Section = "Upward:Evaluation";

    /// <summary>
    /// Submitted questionnaires from which figures are kept. Below it a view recalculates (a pilot's
    /// evaluation takes milliseconds); a programme of thousands takes seconds, too long for a page.
    /// </summary>
    public int KeepFromResponses { get; set; } = 2000;

    /// <summary>How old kept figures may be before the next view recalculates them.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The one way the evaluation page, the board report and the reporting checklists get a programme's
/// evaluation. A small programme's is calculated on every request, so it is always up to the moment.
/// A large one's is kept (in this instance's memory, see <see cref="EvaluationStore"/>) and
/// recalculated when older than <see cref="EvaluationOptions.MaxAge"/>, when its analysis plan
/// changes, or when a reader asks; the page says when its figures were calculated.
/// </summary>
public sealed class EvaluationCalculations(
    BundleExport export, ThemesTable themes, UpwardDbContext db, EvaluationStore store, LargeProgrammes large, TimeProvider clock,
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<EvaluationCalculations> log)
{
    /// <param name="whileRecalculating">
    /// For a page that says when its figures were calculated: kept figures past their age are shown at once
    /// while new ones are calculated in the background (a large programme's take seconds). Downloads leave
    /// it false and wait for figures within the age.
    /// </param>
    public async Task<CalculatedEvaluation> GetAsync(Programme programme, CancellationToken ct, bool whileRecalculating = false)
    {
        if (!await large.KeepsFiguresAsync(programme.Id, ct))
        {
            return await CalculateAsync(programme, kept: false, ct);
        }
        // A changed plan (or the plan becoming fixed) changes what the report says at once.
        var stamp = (await db.CurrentAsync(programme, ct)).Stamp;
        var oldest = clock.GetUtcNow().UtcDateTime - large.MaxAge;
        var kept = await store.GetAsync(programme.Id, stamp, oldest,
            () => CalculateAsync(programme, kept: true, ct), ct,
            whileRecalculating ? () => CalculateInOwnScopeAsync(programme.Id) : null);
        // Counts may be minutes old, but a quote is never shown after its speaker withdrew consent to it.
        return kept with { Themes = await themes.WithCurrentQuotesAsync(programme.Id, kept.Themes, ct), PastTheirAge = kept.CalculatedAtUtc < oldest };
    }

    /// <summary>Drops a programme's kept figures, so the next view recalculates them.</summary>
    public void Recalculate(Guid programmeId) => store.Forget(programmeId);

    /// <summary>A recalculation after the request that asked for it has ended, with services of its own.</summary>
    private async Task<CalculatedEvaluation> CalculateInOwnScopeAsync(Guid programmeId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var ownDb = scope.ServiceProvider.GetRequiredService<UpwardDbContext>();
            var programme = await ownDb.Programmes.AsNoTracking().Include(p => p.Domains.OrderBy(d => d.Position))
                .SingleAsync(p => p.Id == programmeId, lifetime.ApplicationStopping);
            return await scope.ServiceProvider.GetRequiredService<EvaluationCalculations>().CalculateAsync(programme, kept: true, lifetime.ApplicationStopping);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Recalculating the evaluation of programme {ProgrammeId} in the background failed; the kept figures stay until the next view", programmeId);
            throw;
        }
    }

    private async Task<CalculatedEvaluation> CalculateAsync(Programme programme, bool kept, CancellationToken ct)
    {
        var (report, plan) = await export.ReportAsync(programme, ct);
        var table1 = await themes.BuildAsync(programme.Id, ct);
        return new CalculatedEvaluation(report, plan, table1, clock.GetUtcNow().UtcDateTime, kept);
    }
}
