using Microsoft.EntityFrameworkCore;
using Upward.Core.Bundles;
using Upward.Core.Designs;
using Upward.Core.Evaluation;
using Upward.Core.People;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;
using Upward.Data.People;

namespace Upward.Data.Evaluation;

/// <summary>
/// Builds a programme's research bundle from the database: participant codes only, and only the
/// people whose data may be used — consent to use of answers given, and not withdrawn with erasure.
/// The report page, every export and <c>upward analyse</c> all start from this one bundle.
/// </summary>
public sealed class BundleExport(UpwardDbContext db)
{
    /// <summary>
    /// The programme's evaluation as every reader of it gets it — the page, the board report and the
    /// checklists: the bundle under the programme's own analysis plan (its outcomes, its design and a
    /// waitlist's arms), stamped with the plan's hash; and the plan itself.
    /// </summary>
    public async Task<(EvaluationReport Report, AnalysisPlan Plan)> ReportAsync(Programme programme, CancellationToken ct)
    {
        var plan = await db.CurrentAsync(programme, ct);
        var report = EvaluationReport.Build(await BuildAsync(programme, ct), plan.Plan, await db.ByCodeAsync(programme.Id, ct), await db.StepsByCodeAsync(programme.Id, ct)) with { Plan = plan.Stamp };
        return (report, plan.Plan);
    }

    public async Task<ResearchBundle> BuildAsync(Programme programme, CancellationToken ct)
    {
        var domains = programme.Domains.OrderBy(d => d.Position).ToList();
        var domainPosition = domains.ToDictionary(d => d.Id, d => d.Position);

        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.ProgrammeId == programme.Id && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee))
            .ToListAsync(ct);
        var consent = await db.GivenAsync(programme.Id, ConsentPurpose.UseAnswersInEvaluation, ct);
        var included = enrolments
            .Where(e => e.WithdrawalChoice != WithdrawalChoice.Erase && consent.Contains(e.Id))
            .ToDictionary(e => e.Id);

        var waves = await db.Waves.AsNoTracking().Where(w => w.ProgrammeId == programme.Id).ToListAsync(ct);
        var instrumentIds = waves.Select(w => w.InstrumentId).ToHashSet();
        var waveById = waves.ToDictionary(w => w.Id);
        // Reading whole tables beats the indexed joins (six times over on SQLite, where ids are text)
        // once the programme holds a good share of the database, as it does for a trust's large
        // programme; a small programme in a large database still reads only its own rows. Either
        // way the rows are filtered to this programme's below, so the answers are the same.
        var waveIds = waves.Select(w => w.Id).ToList();
        bool readWholeTables = await db.Responses.CountAsync(r => waveIds.Contains(r.WaveId), ct) * 4 >= await db.Responses.CountAsync(ct);
        var responses = readWholeTables
            ? (await db.Responses.Where(r => r.Status == ResponseStatus.Submitted)
                .Select(r => new SubmittedResponse(r.Id, r.WaveId, r.EnrolmentId, r.InstrumentId)).ToListAsync(ct))
                .Where(r => waveById.ContainsKey(r.WaveId)).ToList()
            : await (from r in db.Responses
                     join w in db.Waves on r.WaveId equals w.Id
                     where w.ProgrammeId == programme.Id && r.Status == ResponseStatus.Submitted
                     select new SubmittedResponse(r.Id, r.WaveId, r.EnrolmentId, r.InstrumentId)).ToListAsync(ct);
        foreach (var r in responses) instrumentIds.Add(r.InstrumentId);
        var instruments = await db.Instruments.AsNoTracking().Include(i => i.Items).Where(i => instrumentIds.Contains(i.Id)).ToListAsync(ct);
        var instrumentById = instruments.ToDictionary(i => i.Id);

        // One bundle instrument per version and wave: the wave gives the audience and the stage.
        var bundleKeys = new Dictionary<(Guid Instrument, Guid Wave), string>();
        var bundleInstruments = new List<BundleInstrument>();
        foreach (var (instrumentId, waveId) in responses.Select(r => (r.InstrumentId, r.WaveId)).Concat(waves.Select(w => (w.InstrumentId, w.Id))).Distinct())
        {
            var instrument = instrumentById[instrumentId];
            var wave = waveById[waveId];
            var key = instrument.Key;
            if (bundleInstruments.Any(b => b.Key == key && b.Version == instrument.Version))
            {
                key = $"{instrument.Key}_{BundleNames.Of(ToBundle(wave.Stage))}";
            }
            if (bundleInstruments.Any(b => b.Key == key && b.Version == instrument.Version)) continue;
            bundleKeys[(instrumentId, waveId)] = key;
            bundleInstruments.Add(new BundleInstrument(key, instrument.Version, ToBundle(wave.Audience), ToBundle(wave.Stage),
                instrument.Items.OrderBy(i => i.Position).Select(i => new BundleItem(
                    i.Key, (BundleItemType)(int)i.Type, i.Text,
                    i.Type == ItemType.SingleChoice ? i.Choices : null,
                    i.Type is ItemType.Scale or ItemType.DomainGrid ? i.ScoreName : null)).ToList()));
        }

        var bundleAnswers = await ReadAnswersAsync(programme.Id, readWholeTables, included, responses, instrumentById, bundleKeys, domainPosition, ct);

        var allocation = await db.WaitlistAllocations.AsNoTracking().SingleOrDefaultAsync(a => a.ProgrammeId == programme.Id, ct);
        var drawnSteps = await db.ArmAssignments.Where(a => a.ProgrammeId == programme.Id).ToDictionaryAsync(a => a.EnrolmentId, a => a.Step, ct);
        // A waitlist's mentees carry their arm, a stepped wedge's their step.
        bool wedge = allocation?.IsSteppedWedge == true;
        var submittedStages = responses.Where(r => included.ContainsKey(r.EnrolmentId))
            .GroupBy(r => r.EnrolmentId).ToDictionary(g => g.Key, g => g.Select(r => waveById[r.WaveId].Stage).ToHashSet());
        var participants = included.Values.Select(e => new BundleParticipant(
            e.ParticipantCode, ToBundle(e.Role), WithdrawnAt(e, waves, submittedStages.GetValueOrDefault(e.Id) ?? []),
            new BundleDemographics(e.Demographics.Gender, e.Demographics.AgeBand, e.Demographics.StaffGroup, e.Demographics.Grade, e.Demographics.YearsInRole, e.Demographics.PriorMentoring))
            {
                Arm = !wedge && drawnSteps.TryGetValue(e.Id, out var step) ? Steps.ArmOf(step) : null,
                Step = wedge && drawnSteps.TryGetValue(e.Id, out var s) ? s : null,
            })
            .ToList();

        string? Code(Guid id) => included.TryGetValue(id, out var e) ? e.ParticipantCode : null;
        var willingness = (await db.Willingness.Where(w => w.ProgrammeId == programme.Id).ToListAsync(ct))
            .Where(w => Code(w.MentorEnrolmentId) is not null && Code(w.MenteeEnrolmentId) is not null)
            .Select(w => new BundleWillingness(Code(w.MentorEnrolmentId)!, Code(w.MenteeEnrolmentId)!, w.Willing)).ToList();
        var pairings = (await db.Pairings.Where(p => p.ProgrammeId == programme.Id).ToListAsync(ct))
            .Where(p => Code(p.MentorEnrolmentId) is not null && Code(p.MenteeEnrolmentId) is not null).ToList();
        // A pair may have been made twice (ended, then re-paired): the bundle keeps the latest.
        var latestPairs = pairings.GroupBy(p => (p.MentorEnrolmentId, p.MenteeEnrolmentId)).Select(g => g.OrderBy(p => p.CreatedAtUtc).Last()).ToList();
        var pairingIds = latestPairs.Select(p => p.Id).ToList();
        var sessions = await db.MentoringSessions.Where(s => pairingIds.Contains(s.PairingId) && s.Status != SessionStatus.Cancelled).ToListAsync(ct);
        var pairingById = latestPairs.ToDictionary(p => p.Id);

        var bundle = new ResearchBundle(
            new BundleProgramme(programme.Name, TypeName(programme.Type), programme.AnonymityThreshold, programme.TimeZone,
                programme.SessionTimeLimitMinutes, programme.SessionsPerPair, domains.Select(d => new BundleDomain(d.Position, d.Name)).ToList()),
            bundleInstruments,
            participants,
            bundleAnswers,
            willingness,
            latestPairs.Select(p => new BundlePair(Code(p.MentorEnrolmentId)!, Code(p.MenteeEnrolmentId)!, p.Status == PairingStatus.Ended)).ToList(),
            sessions.Select(s => new BundleSession(Code(pairingById[s.PairingId].MentorEnrolmentId)!, Code(pairingById[s.PairingId].MenteeEnrolmentId)!, s.Number,
                s.MinutesTaken, s.TimeFelt is { } felt ? (Upward.Core.Bundles.TimeFelt)(int)felt : null, s.Status == SessionStatus.Held)).ToList());
        // The programme's own analysis plan (none: the template's) and a waitlist's seed, so `upward analyse` reports as designed.
        var stored = await db.AnalysisPlans.AsNoTracking().Where(p => p.ProgrammeId == programme.Id).Select(p => p.Json).SingleOrDefaultAsync(ct);
        var steps = wedge
            ? await db.DesignSteps.Where(s => s.ProgrammeId == programme.Id).OrderBy(s => s.Number).Select(s => new BundleStep(s.Number, s.StartsOn)).ToListAsync(ct)
            : [];
        bundle = bundle with
        {
            Plan = stored is null ? null : Core.Evaluation.AnalysisPlan.Parse(stored),
            RandomisationSeed = allocation?.Seed,
            RandomisedUnit = allocation?.Unit ?? RandomisedUnit.Mentee,
            Steps = steps,
        };
        return await BundleContentExport.AddAsync(db, programme, bundle, ct);
    }

    private sealed record SubmittedResponse(Guid Id, Guid WaveId, Guid EnrolmentId, Guid InstrumentId);

    /// <summary>A bundle instrument's items, numbered as <see cref="PackedAnswers.Source"/>s when first answered.</summary>
    private sealed record SourceMap(string Key, int Version)
    {
        public Dictionary<Guid, int> Items { get; } = [];
    }

    /// <summary>The answers of a response go to one participant and one bundle instrument.</summary>
    private sealed record AnswerTarget(int Participant, SourceMap Sources);

    /// <summary>
    /// The included participants' submitted answers, each with a number or words, to a known item and
    /// (for grids) a known domain. Streamed into <see cref="PackedAnswers"/>: see <see cref="AnswerRows"/>.
    /// </summary>
    private async Task<IReadOnlyList<BundleAnswer>> ReadAnswersAsync(
        Guid programmeId, bool wholeTable, IReadOnlyDictionary<Guid, Enrolment> included, List<SubmittedResponse> responses,
        Dictionary<Guid, Instrument> instrumentById, Dictionary<(Guid, Guid), string> bundleKeys,
        Dictionary<Guid, int> domainPosition, CancellationToken ct)
    {
        var itemById = instrumentById.Values.SelectMany(i => i.Items).ToDictionary(i => i.Id);
        var codes = new List<string>();
        var participantIndex = new Dictionary<Guid, int>();
        var sources = new List<PackedAnswers.Source>();
        // One item-to-source map per bundle instrument, shared by its responses.
        var sourceMaps = new Dictionary<(string Key, int Version), SourceMap>();
        var targets = new Dictionary<Guid, AnswerTarget>();
        long expected = 0;
        foreach (var response in responses)
        {
            if (!included.TryGetValue(response.EnrolmentId, out var enrolment)) continue;
            if (!participantIndex.TryGetValue(enrolment.Id, out int participant))
            {
                participant = codes.Count;
                participantIndex[enrolment.Id] = participant;
                codes.Add(enrolment.ParticipantCode);
            }
            var instrument = instrumentById[response.InstrumentId];
            var bundleKey = (bundleKeys.GetValueOrDefault((response.InstrumentId, response.WaveId)) ?? instrument.Key, instrument.Version);
            if (!sourceMaps.TryGetValue(bundleKey, out var map)) sourceMaps[bundleKey] = map = new SourceMap(bundleKey.Item1, bundleKey.Version);
            targets[response.Id] = new AnswerTarget(participant, map);
            expected += instrument.Items.Count;
        }
        var answers = new PackedAnswers(codes, sources, (int)Math.Min(expected, Array.MaxLength));
        if (targets.Count == 0) return answers;

        var query = wholeTable
            ? db.Answers.Select(a => new AnswerColumns { ResponseId = a.ResponseId, ItemId = a.ItemId, DomainId = a.DomainId, Number = a.Number, Text = a.Text })
            : from a in db.Answers
              join r in db.Responses on a.ResponseId equals r.Id
              join w in db.Waves on r.WaveId equals w.Id
              where w.ProgrammeId == programmeId && r.Status == ResponseStatus.Submitted
              select new AnswerColumns { ResponseId = a.ResponseId, ItemId = a.ItemId, DomainId = a.DomainId, Number = a.Number, Text = a.Text };

        // A response's answers come together, so its target is looked up once per response, not per answer.
        var lastResponse = Guid.Empty;
        AnswerTarget? target = null;
        bool started = false;
        await AnswerRows.ReadAsync(db, query, (responseId, itemId, domainId, number, text) =>
        {
            if (!started || responseId != lastResponse)
            {
                started = true;
                lastResponse = responseId;
                target = targets.GetValueOrDefault(responseId);
            }
            if (target is null || (number is null && string.IsNullOrEmpty(text))) return;
            int? domain = null;
            if (domainId != Guid.Empty)
            {
                if (!domainPosition.TryGetValue(domainId, out int position)) return;
                domain = position;
            }
            if (!target.Sources.Items.TryGetValue(itemId, out int source))
            {
                source = -1;
                if (itemById.TryGetValue(itemId, out var item))
                {
                    source = sources.Count;
                    sources.Add(new PackedAnswers.Source(target.Sources.Key, target.Sources.Version, item.Key));
                }
                target.Sources.Items[itemId] = source;
            }
            if (source < 0) return;
            answers.Add(target.Participant, source, domain, number, string.IsNullOrEmpty(text) ? null : text);
        }, ct);
        return answers;
    }

    /// <summary>For someone who withdrew and let their answers be kept: the stage recorded at withdrawal, else the first of their audience's stages they did not answer.</summary>
    private static BundleStage? WithdrawnAt(Enrolment e, IEnumerable<Wave> waves, ISet<Stage> answered)
    {
        if (e.Status != EnrolmentStatus.Withdrawn) return null;
        if (e.WithdrawnAtStage is { } recorded) return ToBundle(recorded);
        var missed = waves.Where(w => w.Audience == e.Role && !answered.Contains(w.Stage))
            .Select(w => ToBundle(w.Stage)).OrderBy(BundleNames.StageOrder).ToList();
        return missed.Count > 0 ? missed[0] : null;
    }

    private static BundleRole ToBundle(ProgrammeRole role) => role == ProgrammeRole.Mentee ? BundleRole.Mentee : BundleRole.Mentor;

    private static BundleStage ToBundle(Stage stage) => Enum.Parse<BundleStage>(stage.ToString());

    /// <summary>The template's name as the bundle writes it, for example "clinical_feedback".</summary>
    public static string TypeName(ProgrammeType type) => string.Concat(type.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
