using Upward.Core.Bundles;

namespace Upward.Core.Evaluation;

/// <summary>
/// Every numeric answer grouped once: one column per instrument item holding a value per participant
/// (and per domain for grids), NaN where there is no answer. Built in a single pass over the answers.
/// </summary>
internal sealed class AnswerTable
{
    private readonly double[][][] _columns;
    private readonly int[][] _textCounts;

    public AnswerTable(ResearchBundle bundle, IReadOnlyDictionary<string, int> participantIndex, IReadOnlyDictionary<int, int> domainIndex)
    {
        int participants = bundle.Participants.Count;
        int domains = bundle.Programme.Domains.Count;
        var instrumentIndex = new Dictionary<(string, int), int>();
        var itemIndex = new Dictionary<string, int>[bundle.Instruments.Count];
        _columns = new double[bundle.Instruments.Count][][];
        _textCounts = new int[bundle.Instruments.Count][];
        for (int i = 0; i < bundle.Instruments.Count; i++)
        {
            var instrument = bundle.Instruments[i];
            instrumentIndex[(instrument.Key, instrument.Version)] = i;
            itemIndex[i] = new Dictionary<string, int>(StringComparer.Ordinal);
            _columns[i] = new double[instrument.Items.Count][];
            _textCounts[i] = new int[instrument.Items.Count];
            for (int j = 0; j < instrument.Items.Count; j++)
            {
                var item = instrument.Items[j];
                itemIndex[i][item.Key] = j;
                if (item.Type == BundleItemType.FreeText)
                {
                    continue;
                }
                var column = new double[participants * (item.Type == BundleItemType.DomainGrid ? domains : 1)];
                Array.Fill(column, double.NaN);
                _columns[i][j] = column;
            }
        }

        // Answers usually arrive grouped by participant and instrument, so remembering the last
        // look-up saves most of the hashing on a two-million-row bundle.
        string? lastCode = null, lastInstrument = null;
        int lastVersion = 0, p = -1, k = -1;
        foreach (var answer in bundle.Answers)
        {
            if (!ReferenceEquals(answer.Participant, lastCode) && answer.Participant != lastCode)
            {
                p = participantIndex[answer.Participant];
                lastCode = answer.Participant;
            }
            if (answer.InstrumentVersion != lastVersion || (!ReferenceEquals(answer.Instrument, lastInstrument) && answer.Instrument != lastInstrument))
            {
                k = instrumentIndex[(answer.Instrument, answer.InstrumentVersion)];
                lastInstrument = answer.Instrument;
                lastVersion = answer.InstrumentVersion;
            }
            int j = itemIndex[k][answer.Item];
            if (answer.Text is not null && bundle.Instruments[k].Items[j].Type == BundleItemType.FreeText)
            {
                _textCounts[k][j]++;
            }
            if (answer.Number is not double number || _columns[k][j] is not { } values)
            {
                continue;
            }
            values[answer.Domain is int position ? p * domains + domainIndex[position] : p] = number;
        }
    }

    /// <summary>The column of an item: participant-major, one value per domain for grids.</summary>
    public double[] Column(int instrument, int item) => _columns[instrument][item];

    /// <summary>How many free-text answers an item received.</summary>
    public int TextAnswers(int instrument, int item) => _textCounts[instrument][item];
}
