using Upward.Core.Bundles;
using Upward.Core.PhaseOne;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation;

/// <summary>Builds an <see cref="EvaluationReport"/>: answers grouped once, each sample sorted once, every figure from the statistics engine.</summary>
internal sealed class EvaluationBuilder
{
    private readonly ResearchBundle _bundle;
    private readonly int _k;
    private readonly BundleDomain[] _domains;
    private readonly Dictionary<string, int> _participantIndex;
    private readonly AnswerTable _answers;

    public EvaluationBuilder(ResearchBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        _bundle = bundle;
        _k = bundle.Programme.AnonymityThreshold;
        _domains = [.. bundle.Programme.Domains.OrderBy(d => d.Position)];
        _participantIndex = new Dictionary<string, int>(bundle.Participants.Count, StringComparer.Ordinal);
        for (int i = 0; i < bundle.Participants.Count; i++)
        {
            _participantIndex[bundle.Participants[i].Code] = i;
        }
        var domainIndex = new Dictionary<int, int>();
        for (int d = 0; d < _domains.Length; d++)
        {
            domainIndex[_domains[d].Position] = d;
        }
        _answers = new AnswerTable(bundle, _participantIndex, domainIndex);
    }

    private int ParticipantCount => _bundle.Participants.Count;
    private int DomainCount => _domains.Length;

    public EvaluationReport Build() => new(
        _bundle.Programme.Name,
        _k,
        _domains,
        [Cohort(BundleRole.Mentor), Cohort(BundleRole.Mentee)],
        Willingness(),
        Sessions(),
        Questionnaires(),
        Comparisons())
    {
        Themes = ThemeFigures.From(_bundle),
        Outcomes = Outcome.Defaults(_bundle.Instruments.Select(i => i.Stage).Distinct().ToList()),
    };

    /// <summary>A waitlist control's comparison between arms of <paramref name="outcome"/>, from the participants' arms by code.</summary>
    public WaitlistFigures? Waitlist(Outcome outcome, IReadOnlyDictionary<string, Designs.Arm> arms) =>
        WaitlistComparison.Compute(outcome, _bundle.Participants, arms, stage => Totals(outcome.Audience, outcome.Score, stage), _k);

    /// <summary>A stepped wedge's first-period comparison and each step's results for <paramref name="outcome"/>, from the mentees' steps by code.</summary>
    public SteppedWedgeFigures? SteppedWedge(Outcome outcome, IReadOnlyDictionary<string, int> steps) =>
        SteppedWedgeComparison.Compute(outcome, _bundle.Participants, steps, stage => Totals(outcome.Audience, outcome.Score, stage), _k);

    /// <summary>
    /// Each participant's score of an audience at a stage (the total of a grid, NaN when a domain is
    /// missing; NaN when not answered), or null when no questionnaire at that stage measures it.
    /// </summary>
    private double[]? Totals(BundleRole audience, string score, BundleStage stage)
    {
        var items = _bundle.Instruments
            .SelectMany((instrument, i) => instrument.Items.Select((item, j) => (instrument, item, i, j)))
            .Where(x => x.instrument.Audience == audience && x.instrument.Stage == stage && x.item.Score == score)
            .ToList();
        if (items.Count == 0) return null;
        var values = Merge([.. items.Select(x => _answers.Column(x.i, x.j))]);
        if (items[0].item.Type != BundleItemType.DomainGrid) return values;
        var totals = new double[ParticipantCount];
        for (int p = 0; p < ParticipantCount; p++)
        {
            totals[p] = Total(values, p);
        }
        return totals;
    }

    private CohortFigures Cohort(BundleRole role)
    {
        var people = _bundle.Participants.Where(p => p.Role == role).ToList();
        var breakdowns = new List<Breakdown>
        {
            Suppression.Breakdown(People.Demographics.Gender, people.Select(p => p.Demographics.Gender), people.Count, _k),
            Suppression.Breakdown(People.Demographics.AgeBand, people.Select(p => p.Demographics.AgeBand), people.Count, _k),
            Suppression.Breakdown(People.Demographics.StaffGroup, people.Select(p => p.Demographics.StaffGroup), people.Count, _k),
            Suppression.Breakdown(People.Demographics.Grade, people.Select(p => p.Demographics.Grade), people.Count, _k),
            Suppression.Breakdown(People.Demographics.YearsInRole, people.Select(p => p.Demographics.YearsInRole), people.Count, _k),
            Suppression.Breakdown(People.Demographics.PriorMentoring, people.Select(p => p.Demographics.PriorMentoring), people.Count, _k),
        };
        var prior = breakdowns[^1];
        var yes = prior.Cells.FirstOrDefault(c => c.Band == "Yes");
        var no = prior.Cells.FirstOrDefault(c => c.Band == "No");
        Proportion? priorMentoring = null;
        // Shown only when both the yes and the no count could be shown, or the complement would give one away.
        if (yes?.Count is not null || no?.Count is not null)
        {
            if (yes?.Suppressed != true && no?.Suppressed != true)
            {
                int y = yes?.Count ?? 0, n = no?.Count ?? 0;
                priorMentoring = new Proportion(y, y + n);
            }
        }
        var (ageRange, ageN) = AgeRanges.Describe(people.Select(p => p.Demographics.AgeBand), _k);
        return new CohortFigures(role, people.Count, people.Count(p => p.WithdrawnAtStage is not null), breakdowns, ageRange, ageN, priorMentoring);
    }

    private WillingnessFigures? Willingness()
    {
        if (_bundle.Willingness.Count == 0)
        {
            return null;
        }
        // The app's summary works on ids; a code's index makes a stable stand-in so the same logic serves both.
        Guid Id(string code) => new(_participantIndex[code], 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var mentors = _bundle.Participants.Where(p => p.Role == BundleRole.Mentor).Select(p => Id(p.Code)).ToList();
        var mentees = _bundle.Participants.Where(p => p.Role == BundleRole.Mentee).Select(p => Id(p.Code)).ToList();
        var answers = _bundle.Willingness.Select(w => new Willingness { MentorEnrolmentId = Id(w.Mentor), MenteeEnrolmentId = Id(w.Mentee), Willing = w.Willing });
        var summary = WillingnessSummary.Compute(mentors, mentees, answers);
        return new WillingnessFigures(summary.Mentors, summary.Mentees, summary.MentorsWillingForEveryMentee, summary.Bands, summary.Headline, [.. summary.BandLines], summary.MentorsYetToAnswer);
    }

    private SessionFigures Sessions()
    {
        var held = _bundle.Sessions.Where(s => s.Held).ToList();
        double[] minutes = [.. held.Where(s => s.Minutes is not null).Select(s => s.Minutes!.Value)];
        Array.Sort(minutes);
        var felt = held.Where(s => s.TimeFelt is not null).Select(s => s.TimeFelt!.Value).ToList();
        IReadOnlyList<TimeFeltCount> feltCounts = felt.Count >= _k
            ? [.. Enum.GetValues<TimeFelt>().Select(f => new TimeFeltCount(f, felt.Count(x => x == f)))]
            : [];
        return new SessionFigures(
            _bundle.Pairs.Count,
            held.Select(s => (s.Mentor, s.Mentee)).Distinct().Count(),
            _bundle.Programme.SessionsPerPair,
            _bundle.Sessions.Count,
            held.Count,
            _bundle.Programme.SessionTimeLimitMinutes,
            minutes.Length,
            minutes.Length >= _k ? Summary.FromSorted(minutes) : null,
            felt.Count,
            feltCounts);
    }

    private List<InstrumentFigures> Questionnaires()
    {
        var figures = new List<InstrumentFigures>();
        var order = Enumerable.Range(0, _bundle.Instruments.Count)
            .OrderBy(i => _bundle.Instruments[i].Audience)
            .ThenBy(i => BundleNames.StageOrder(_bundle.Instruments[i].Stage))
            .ThenBy(i => _bundle.Instruments[i].Key, StringComparer.Ordinal)
            .ThenBy(i => _bundle.Instruments[i].Version);
        foreach (int i in order)
        {
            var instrument = _bundle.Instruments[i];
            var items = new List<ItemFigures>(instrument.Items.Count);
            var answered = new bool[ParticipantCount];
            for (int j = 0; j < instrument.Items.Count; j++)
            {
                items.Add(Item(i, j, answered));
            }
            figures.Add(new InstrumentFigures(instrument.Key, instrument.Version, instrument.Audience, instrument.Stage, answered.Count(a => a), items));
        }
        return figures;
    }

    private ItemFigures Item(int instrument, int index, bool[] answered)
    {
        var item = _bundle.Instruments[instrument].Items[index];
        if (item.Type == BundleItemType.FreeText)
        {
            int texts = _answers.TextAnswers(instrument, index);
            return new ItemFigures(item.Key, item.Type, item.Text, item.Score, texts, texts < _k, null, null, null, null);
        }
        var column = _answers.Column(instrument, index);
        if (item.Type == BundleItemType.DomainGrid)
        {
            return Grid(item, column, answered);
        }
        var values = new List<double>();
        for (int p = 0; p < ParticipantCount; p++)
        {
            if (!double.IsNaN(column[p]))
            {
                values.Add(column[p]);
                answered[p] = true;
            }
        }
        bool suppressed = values.Count < _k;
        if (suppressed)
        {
            return new ItemFigures(item.Key, item.Type, item.Text, item.Score, values.Count, true, null, null, null, null);
        }
        return item.Type switch
        {
            BundleItemType.YesNo => new ItemFigures(item.Key, item.Type, item.Text, item.Score, values.Count, false, null, null,
                new Proportion(values.Count(v => v == 1), values.Count), null),
            BundleItemType.SingleChoice => new ItemFigures(item.Key, item.Type, item.Text, item.Score, values.Count, false, null, null, null,
                [.. item.Choices!.Select((choice, c) => new ChoiceCount(c + 1, choice, values.Count(v => v == c + 1)))]),
            _ => new ItemFigures(item.Key, item.Type, item.Text, item.Score, values.Count, false, SortedSummary(values), null, null, null),
        };
    }

    private ItemFigures Grid(BundleItem item, double[] column, bool[] answered)
    {
        var perDomain = new List<double>[DomainCount];
        for (int d = 0; d < DomainCount; d++)
        {
            perDomain[d] = [];
        }
        var totals = new List<double>();
        int respondents = 0;
        for (int p = 0; p < ParticipantCount; p++)
        {
            double total = 0;
            int given = 0;
            for (int d = 0; d < DomainCount; d++)
            {
                double v = column[p * DomainCount + d];
                if (!double.IsNaN(v))
                {
                    perDomain[d].Add(v);
                    total += v;
                    given++;
                }
            }
            if (given > 0)
            {
                respondents++;
                answered[p] = true;
            }
            // A total is only a total when every domain was answered.
            if (given == DomainCount)
            {
                totals.Add(total);
            }
        }
        if (respondents < _k)
        {
            return new ItemFigures(item.Key, item.Type, item.Text, item.Score, respondents, true, null, null, null, null);
        }
        var domains = _domains.Select((d, i) => new DomainSummary(d.Position, d.Name, perDomain[i].Count >= _k ? SortedSummary(perDomain[i]) : null)).ToList();
        return new ItemFigures(item.Key, item.Type, item.Text, item.Score, respondents, false, totals.Count >= _k ? SortedSummary(totals) : null, domains, null, null);
    }

    private List<ScoreComparison> Comparisons()
    {
        var comparisons = new List<ScoreComparison>();
        // A score is named per audience and item type; each stage that measured it contributes one set of values.
        var scores = _bundle.Instruments
            .SelectMany((instrument, i) => instrument.Items.Select((item, j) => (instrument, item, i, j)))
            .Where(x => x.item.Score is not null)
            .GroupBy(x => (x.instrument.Audience, Score: x.item.Score!, x.item.Type))
            .OrderBy(g => g.Key.Audience).ThenBy(g => g.Key.Score, StringComparer.Ordinal).ThenBy(g => g.Key.Type);
        foreach (var score in scores)
        {
            var stages = score.GroupBy(x => x.instrument.Stage)
                .OrderBy(g => BundleNames.StageOrder(g.Key))
                .Select(g => (Stage: g.Key, Values: Merge([.. g.Select(x => _answers.Column(x.i, x.j))])))
                .ToList();
            bool grid = score.Key.Type == BundleItemType.DomainGrid;
            foreach (var (from, to) in StagePairs(stages.Count))
            {
                comparisons.Add(Compare(score.Key.Audience, score.Key.Score, grid, stages[from], stages[to]));
            }
        }
        return comparisons;
    }

    /// <summary>Each stage against the next, and the first against the last when there are more than two.</summary>
    internal static IEnumerable<(int From, int To)> StagePairs(int stages)
    {
        for (int s = 0; s + 1 < stages; s++)
        {
            yield return (s, s + 1);
        }
        if (stages > 2)
        {
            yield return (0, stages - 1);
        }
    }

    // Several versions of one questionnaire at a stage: each participant answered one, so take the first value found.
    private static double[] Merge(double[][] columns)
    {
        if (columns.Length == 1)
        {
            return columns[0];
        }
        var merged = (double[])columns[0].Clone();
        for (int c = 1; c < columns.Length; c++)
        {
            for (int i = 0; i < merged.Length; i++)
            {
                if (double.IsNaN(merged[i]))
                {
                    merged[i] = columns[c][i];
                }
            }
        }
        return merged;
    }

    private ScoreComparison Compare(BundleRole audience, string score, bool grid, (BundleStage Stage, double[] Values) before, (BundleStage Stage, double[] Values) after)
    {
        var rows = new List<ComparisonRow>();
        if (grid)
        {
            for (int d = 0; d < DomainCount; d++)
            {
                rows.Add(Row(_domains[d].Position, _domains[d].Name, p => before.Values[p * DomainCount + d], p => after.Values[p * DomainCount + d]));
            }
            rows.Add(Row(null, "Total", p => Total(before.Values, p), p => Total(after.Values, p)));
        }
        else
        {
            rows.Add(Row(null, "Score", p => before.Values[p], p => after.Values[p]));
        }
        return new ScoreComparison(audience, score, before.Stage, after.Stage, grid ? 5.0 * DomainCount : 5, rows);
    }

    private double Total(double[] values, int participant)
    {
        double total = 0;
        for (int d = 0; d < DomainCount; d++)
        {
            total += values[participant * DomainCount + d];
        }
        return total; // NaN when any domain is missing, so incomplete grids drop out of the pairs.
    }

    private ComparisonRow Row(int? domain, string label, Func<int, double> before, Func<int, double> after)
    {
        var pre = new List<double>();
        var post = new List<double>();
        for (int p = 0; p < ParticipantCount; p++)
        {
            double b = before(p), a = after(p);
            if (!double.IsNaN(b) && !double.IsNaN(a))
            {
                pre.Add(b);
                post.Add(a);
            }
        }
        var comparison = pre.Count >= _k && pre.Count > 0
            ? PairedComparison.Compute(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pre), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(post))
            : null;
        return new ComparisonRow(domain, label, pre.Count, comparison);
    }

    private static Summary SortedSummary(List<double> values)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);
        span.Sort();
        return Summary.FromSorted(span);
    }
}
