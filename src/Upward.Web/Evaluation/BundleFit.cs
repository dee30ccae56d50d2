using Microsoft.EntityFrameworkCore.Metadata;
using Upward.Core.Bundles;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Themes;

namespace Upward.Web.Evaluation;

/// <summary>
/// Whether a valid bundle also fits this database before any of it is written. The format itself
/// sets no lengths (an offline analysis needs none), so the limits are read from the EF model:
/// the columns' own maximum lengths, never a second copy of them.
/// </summary>
public static class BundleFit
{
    /// <summary>The first few problems, each naming its JSON path; empty when the bundle fits.</summary>
    public static IReadOnlyList<string> Problems(ResearchBundle bundle, IModel model, int most = 10)
    {
        var problems = new List<string>();
        void Check<TEntity>(string propertyName, string? value, string path)
        {
            var max = model.FindEntityType(typeof(TEntity))?.FindProperty(propertyName)?.GetMaxLength();
            if (value is not null && max is { } limit && value.Length > limit && problems.Count < most)
            {
                problems.Add($"{path} is {value.Length} characters long; Upward keeps at most {limit}");
            }
        }

        var p = bundle.Programme;
        Check<Programme>(nameof(Programme.Name), p.Name, "$.programme.name");
        Check<Programme>(nameof(Programme.TimeZone), p.TimeZone, "$.programme.time_zone");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(p.TimeZone, out _))
        {
            problems.Add($"$.programme.time_zone: Upward does not know the time zone \"{p.TimeZone}\"");
        }
        for (var i = 0; i < p.Domains.Count; i++)
            Check<ProgrammeDomain>(nameof(ProgrammeDomain.Name), p.Domains[i].Name, $"$.programme.domains[{i}].name");
        for (var i = 0; i < bundle.Participants.Count; i++)
            Check<Enrolment>(nameof(Enrolment.ParticipantCode), bundle.Participants[i].Code, $"$.participants[{i}].code");
        for (var i = 0; i < bundle.Instruments.Count; i++)
        {
            var instrument = bundle.Instruments[i];
            Check<Instrument>(nameof(Instrument.Key), instrument.Key, $"$.instruments[{i}].key");
            for (var j = 0; j < instrument.Items.Count; j++)
            {
                var item = instrument.Items[j];
                Check<InstrumentItem>(nameof(InstrumentItem.Key), item.Key, $"$.instruments[{i}].items[{j}].key");
                Check<InstrumentItem>(nameof(InstrumentItem.Text), item.Text, $"$.instruments[{i}].items[{j}].text");
                Check<InstrumentItem>(nameof(InstrumentItem.ScoreName), item.Score, $"$.instruments[{i}].items[{j}].score");
            }
        }
        for (var i = 0; i < bundle.Answers.Count && problems.Count < most; i++)
            Check<Answer>(nameof(Answer.Text), bundle.Answers[i].Text, $"$.answers[{i}].text");
        for (var i = 0; i < bundle.Themes.Count; i++)
        {
            Check<Theme>(nameof(Theme.Name), bundle.Themes[i].Name, $"$.themes[{i}].name");
            Check<Theme>(nameof(Theme.Definition), bundle.Themes[i].Definition, $"$.themes[{i}].definition");
        }
        return problems;
    }
}
