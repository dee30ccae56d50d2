using Microsoft.EntityFrameworkCore.Metadata;
using Upward.Core.Bundles;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Themes;

namespace Upward.Data.Evaluation;

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
        CheckCodes(bundle, problems, most);
        for (var i = 0; i < bundle.Instruments.Count; i++)
        {
            var instrument = bundle.Instruments[i];
            // Two questionnaires for one group at one stage are versions sharing one wave (see BundleImport), not a problem.
            Check<Instrument>(nameof(Instrument.Key), instrument.Key, $"$.instruments[{i}].key");
            for (var j = 0; j < instrument.Items.Count; j++)
            {
                var item = instrument.Items[j];
                Check<InstrumentItem>(nameof(InstrumentItem.Key), item.Key, $"$.instruments[{i}].items[{j}].key");
                Check<InstrumentItem>(nameof(InstrumentItem.Text), item.Text, $"$.instruments[{i}].items[{j}].text");
                Check<InstrumentItem>(nameof(InstrumentItem.ScoreName), item.Score, $"$.instruments[{i}].items[{j}].score");
            }
        }
        CheckOneAnswerEachPerStage(bundle, problems, most);
        for (var i = 0; i < bundle.Answers.Count && problems.Count < most; i++)
            Check<Answer>(nameof(Answer.Text), bundle.Answers[i].Text, $"$.answers[{i}].text");
        for (var i = 0; i < bundle.Themes.Count; i++)
        {
            Check<Theme>(nameof(Theme.Name), bundle.Themes[i].Name, $"$.themes[{i}].name");
            Check<Theme>(nameof(Theme.Definition), bundle.Themes[i].Definition, $"$.themes[{i}].definition");
        }
        return problems;
    }

    /// <summary>
    /// Participant codes become placeholder accounts' names and email addresses, which Identity
    /// compares ignoring case and limits to a few characters, and must not be a code the import
    /// itself gives to the importer (coordinator) or to the imported codings' placeholder coder.
    /// </summary>
    private static void CheckCodes(ResearchBundle bundle, List<string> problems, int most)
    {
        string[] reserved = [ParticipantCode.For(ProgrammeRole.Coordinator, 1), BundleContentImport.ImportedCoderCode, "coder"];
        var seen = new HashSet<string>(reserved, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < bundle.Participants.Count && problems.Count < most; i++)
        {
            var code = bundle.Participants[i].Code;
            if (code.Length == 0 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                problems.Add($"$.participants[{i}].code: \"{code}\" must be letters, digits, hyphens, full stops or underscores");
            }
            else if (!seen.Add(code))
            {
                problems.Add(reserved.Contains(code, StringComparer.OrdinalIgnoreCase)
                    ? $"$.participants[{i}].code: \"{code}\" is a code Upward gives to whoever imports the bundle or to its codings"
                    : $"$.participants[{i}].code: \"{code}\" is another participant's code in different capitals");
            }
        }
    }

    /// <summary>
    /// Two questionnaires for one group at one stage share a wave on import (a questionnaire replaced by a
    /// new version after some had answered), and Upward keeps one response per person in a wave: so they
    /// fit only while nobody answered both. The problem is put in the coordinator's words, not the format's.
    /// </summary>
    private static void CheckOneAnswerEachPerStage(ResearchBundle bundle, List<string> problems, int most)
    {
        var answered = bundle.Answers.Select(a => (a.Participant, a.Instrument, a.InstrumentVersion)).ToHashSet();
        foreach (var group in bundle.Instruments.GroupBy(i => (i.Audience, i.Stage)).Where(g => g.Count() > 1))
        {
            var questionnaires = group.ToList();
            var twice = bundle.Participants.Select(p => p.Code)
                .FirstOrDefault(code => questionnaires.Count(q => answered.Contains((code, q.Key, q.Version))) > 1);
            if (twice is not null && problems.Count < most)
            {
                var names = string.Join(" and ", questionnaires.Select(q => $"\"{q.Key}\" (version {q.Version})"));
                var stage = StageNames.Of(Enum.Parse<Stage>(group.Key.Stage.ToString())).ToLowerInvariant();
                problems.Add($"The bundle has {questionnaires.Count} questionnaires for {BundleNames.Of(group.Key.Audience)}s {stage}: {names}. "
                    + $"Participant {twice} answered more than one of them, and Upward keeps one set of answers per person at each stage.");
            }
        }
    }
}
