using System.Text;
using Microsoft.AspNetCore.Mvc;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Pages.Evaluation;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>Table 1: themes by stage with counts of participants and a representative quote each; also as CSV.</summary>
[Requires(ProgrammeCapability.CodeFreeText)]
public sealed class TableModel(UpwardDbContext db, ThemesTable themesTable, ThemesTableStore store, LargeProgrammes large, TimeProvider clock,
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<TableModel> log) : ProgrammePageModel
{
    public ThemesTable.Table Table { get; private set; } = null!;

    /// <summary>When the counts were calculated (programme time), for a large programme whose counts are kept between views; otherwise null.</summary>
    public string? KeptAt { get; private set; }

    public int MaxAgeMinutes => (int)Math.Ceiling(large.MaxAge.TotalMinutes);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await large.KeepsFiguresAsync(ProgrammeId, ct))
        {
            Table = await themesTable.BuildAsync(ProgrammeId, ct);
            return Page();
        }
        var oldest = clock.GetUtcNow().UtcDateTime - large.MaxAge;
        // Counts past their age are shown at once while new ones are counted after the request (see KeptFigures).
        var kept = await store.GetAsync(ProgrammeId, true, oldest,
            async () => new KeptThemesTable(await themesTable.BuildAsync(ProgrammeId, ct), clock.GetUtcNow().UtcDateTime), ct,
            () => CountInOwnScopeAsync(ProgrammeId));
        // The counts may be minutes old; the quotes are read now, so one withdrawn or redacted is never shown.
        Table = await themesTable.WithCurrentQuotesAsync(ProgrammeId, kept.Table, ct);
        KeptAt = EvaluationDates.TimeAndDay(Programme, kept.CalculatedAtUtc);
        BeingRecounted = kept.CalculatedAtUtc < oldest;
        return Page();
    }

    /// <summary>The kept counts shown are past their age and newer ones are being counted.</summary>
    public bool BeingRecounted { get; private set; }

    /// <summary>A recount after the request that asked for it has ended, with services of its own.</summary>
    private async Task<KeptThemesTable> CountInOwnScopeAsync(Guid programmeId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var table = await scope.ServiceProvider.GetRequiredService<ThemesTable>().BuildAsync(programmeId, lifetime.ApplicationStopping);
            return new KeptThemesTable(table, clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Counting Table 1 of programme {ProgrammeId} in the background failed; the kept counts stay until the next view", programmeId);
            throw;
        }
    }

    /// <summary>A coder who needs the latest coding in the counts now, rather than within minutes.</summary>
    public IActionResult OnPostRecalculate()
    {
        store.Forget(ProgrammeId);
        return RedirectToPage("/FreeText/Table", new { programmeId = ProgrammeId });
    }

    /// <summary>The download is always calculated afresh: it leaves Upward, so it is as exact as the moment it is taken.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var csv = ThemesTable.Csv(await themesTable.BuildAsync(ProgrammeId, ct));
        db.Audit(AuditAction.Exported, User.UserId(), Programme.OrganisationId, Programme.Id, "themes-by-stage.csv");
        await db.SaveChangesAsync(ct);
        // A byte-order mark so spreadsheet programs read the UTF-8 (curly quotes, accents) correctly.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "themes-by-stage.csv");
    }
}
