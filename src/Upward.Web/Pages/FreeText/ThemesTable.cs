using Upward.Core.Evaluation;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Questionnaires;
using Upward.Core.Themes;
using Upward.Data;

namespace Upward.Web.Pages.FreeText;

/// <summary>Table 1 of the study for one programme: themes by stage, counts of participants, chosen quotes.</summary>
public sealed class ThemesTable(UpwardDbContext db, FreeTextAnswers answers)
{
    public sealed record Table(IReadOnlyList<Stage> Stages, IReadOnlyList<ThemesByStage.Row> Rows, IReadOnlyDictionary<Guid, string> ParentNames);

    public async Task<Table> BuildAsync(Guid programmeId, CancellationToken ct)
    {
        var stages = await answers.StagesAsync(programmeId, ct);
        // Only coded answers count in the table or can be its quotes, so only they are read.
        var facts = (await answers.CodedAsync(programmeId, ct)).ToDictionary(
            a => a.AnswerId, a => new ThemesByStage.AnswerFacts(a.AnswerId, StageNames.Of(a.Stage), a.ParticipantCode, a.MayQuote, a.Text));
        var themes = await ThemeList.OfAsync(db, programmeId, ct);
        // Read, not tracked: a large programme has tens of thousands of codings and the table changes none.
        var codings = await db.Codings.AsNoTracking().Where(c => c.ProgrammeId == programmeId).ToListAsync(ct);
        var quotes = await db.RepresentativeQuotes.Where(q => q.ProgrammeId == programmeId).ToDictionaryAsync(q => q.ThemeId, q => q.AnswerId, ct);
        var rows = ThemesByStage.Build(themes, codings, facts, stages.Select(StageNames.Of).ToList(), quotes);
        var names = themes.ToDictionary(t => t.Id, t => t.Name);
        return new Table(stages, rows, names);
    }

    /// <summary>
    /// The table with each theme's quote read again now: kept counts may be minutes old, but a quote must go the
    /// moment its speaker withdraws consent, asks for erasure, stops agreeing to be quoted or the coding is removed,
    /// and must show a redaction at once. Reads only the chosen answers, a handful however large the programme.
    /// </summary>
    public async Task<Table> WithCurrentQuotesAsync(Guid programmeId, Table table, CancellationToken ct)
    {
        var chosen = await db.RepresentativeQuotes.AsNoTracking().Where(q => q.ProgrammeId == programmeId).ToDictionaryAsync(q => q.ThemeId, q => q.AnswerId, ct);
        var ids = chosen.Values.Distinct().ToList();
        var facts = (await answers.FindManyAsync(programmeId, ids, ct)).ToDictionary(
            a => a.AnswerId, a => new ThemesByStage.AnswerFacts(a.AnswerId, StageNames.Of(a.Stage), a.ParticipantCode, a.MayQuote, a.Text));
        var codings = await db.Codings.AsNoTracking().Where(c => c.ProgrammeId == programmeId && ids.Contains(c.AnswerId)).ToListAsync(ct);
        var rows = table.Rows.Select(row =>
        {
            var (quote, from) = ThemesByStage.Quote(codings.Where(c => c.ThemeId == row.Theme.Id),
                chosen.TryGetValue(row.Theme.Id, out var answerId) ? facts.GetValueOrDefault(answerId) : null);
            return row with { Quote = quote, QuoteFrom = from };
        }).ToList();
        return table with { Rows = rows };
    }

    /// <summary>The table as CSV (UTF-8), one row per theme, written by <see cref="CsvWriter"/>.</summary>
    public static string Csv(Table table)
    {
        var (columns, rows) = Rows(table);
        return CsvWriter.Write(columns, rows);
    }

    /// <summary>The same columns as <see cref="Csv"/>, as rows for a workbook sheet or a PDF.</summary>
    public static (IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) Rows(Table table) =>
    (
        ["Theme", "Part of", "Definition", .. table.Stages.Select(StageNames.Of), "Representative quote", "Quoted participant"],
        table.Rows.Select(row => (IReadOnlyList<string>)[
            row.Theme.Name, row.Theme.ParentId is { } p ? table.ParentNames.GetValueOrDefault(p, "") : "", row.Theme.Definition,
            .. table.Stages.Select(s => row.ParticipantsByStage[StageNames.Of(s)].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            row.Quote ?? "", row.QuoteFrom ?? ""]).ToList()
    );
}
