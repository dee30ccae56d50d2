using Upward.Web.Programmes;

namespace Upward.Web.Pages.FreeText;

/// <summary>Table 1 of a large programme as last calculated, and when.</summary>
public sealed record KeptThemesTable(ThemesTable.Table Table, DateTime CalculatedAtUtc);

/// <summary>
/// Large programmes' Table 1, kept between views (see <see cref="KeptFigures{TVersion, TFigures}"/>): its counts
/// read every coded answer, close to a second for a programme of thousands. Kept apart from the evaluation's
/// figures, which take seconds more to calculate, so the coders' table is never held up by the report.
/// </summary>
public sealed class ThemesTableStore() : KeptFigures<bool, KeptThemesTable>(t => t.CalculatedAtUtc);
