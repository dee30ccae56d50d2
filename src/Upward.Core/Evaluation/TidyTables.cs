using System.Globalization;
using System.Text;
using Upward.Core.Bundles;

namespace Upward.Core.Evaluation;

/// <summary>
/// The bundle as tidy tables for R and SPSS: one row per answer, and a codebook row per item.
/// Participants appear by code only. The same rows feed the CSV and the XLSX exports.
/// </summary>
public static class TidyTables
{
    public static readonly IReadOnlyList<string> AnswerColumns =
        ["participant", "role", "audience", "stage", "instrument", "instrument_version", "item", "item_type", "score", "domain_position", "domain", "number", "text"];

    public static readonly IReadOnlyList<string> CodebookColumns =
        ["instrument", "instrument_version", "audience", "stage", "item", "item_type", "question", "score", "values"];

    public static IEnumerable<IReadOnlyList<string>> AnswerRows(ResearchBundle bundle)
    {
        var roles = bundle.Participants.ToDictionary(p => p.Code, p => BundleNames.Of(p.Role));
        var instruments = bundle.Instruments.ToDictionary(i => (i.Key, i.Version));
        var domains = bundle.Programme.Domains.ToDictionary(d => d.Position, d => d.Name);
        foreach (var a in bundle.Answers
                     .OrderBy(a => a.Participant, StringComparer.Ordinal).ThenBy(a => a.Instrument, StringComparer.Ordinal)
                     .ThenBy(a => a.InstrumentVersion).ThenBy(a => a.Item, StringComparer.Ordinal).ThenBy(a => a.Domain ?? 0))
        {
            var instrument = instruments[(a.Instrument, a.InstrumentVersion)];
            var item = instrument.Items.Single(i => i.Key == a.Item);
            yield return
            [
                a.Participant, roles.GetValueOrDefault(a.Participant) ?? "", BundleNames.Of(instrument.Audience), BundleNames.Of(instrument.Stage),
                a.Instrument, a.InstrumentVersion.ToString(CultureInfo.InvariantCulture), a.Item, BundleNames.Of(item.Type), item.Score ?? "",
                a.Domain?.ToString(CultureInfo.InvariantCulture) ?? "", a.Domain is { } d ? domains.GetValueOrDefault(d) ?? "" : "",
                a.Number?.ToString("R", CultureInfo.InvariantCulture) ?? "", a.Text ?? "",
            ];
        }
    }

    public static IEnumerable<IReadOnlyList<string>> CodebookRows(ResearchBundle bundle)
    {
        foreach (var instrument in bundle.Instruments.OrderBy(i => BundleNames.StageOrder(i.Stage)).ThenBy(i => i.Audience).ThenBy(i => i.Key, StringComparer.Ordinal))
        {
            foreach (var item in instrument.Items)
            {
                var values = item.Type switch
                {
                    BundleItemType.Scale or BundleItemType.DomainGrid => "1 to 5",
                    BundleItemType.YesNo => "1 = yes; 0 = no; text = follow-up",
                    BundleItemType.SingleChoice => string.Join("; ", (item.Choices ?? []).Select((c, i) => $"{i + 1} = {c}")),
                    BundleItemType.Minutes => "minutes",
                    _ => "text",
                };
                yield return
                [
                    instrument.Key, instrument.Version.ToString(CultureInfo.InvariantCulture), BundleNames.Of(instrument.Audience), BundleNames.Of(instrument.Stage),
                    item.Key, BundleNames.Of(item.Type), item.Text, item.Score ?? "", values,
                ];
            }
        }
    }
}
