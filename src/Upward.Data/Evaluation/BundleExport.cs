using Microsoft.EntityFrameworkCore;
using Upward.Core.Bundles;
using Upward.Core.People;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;

namespace Upward.Data.Evaluation;

/// <summary>
/// Builds a programme's research bundle from the database: participant codes only, and only the
/// people whose data may be used — consent to use of answers given, and not withdrawn with erasure.
/// The report page, every export and <c>upward analyse</c> all start from this one bundle.
/// </summary>
public sealed class BundleExport(UpwardDbContext db)
{
    public async Task<ResearchBundle> BuildAsync(Programme programme, CancellationToken ct)
    {
        var domains = programme.Domains.OrderBy(d => d.Position).ToList();
        var domainPosition = domains.ToDictionary(d => d.Id, d => d.Position);

        var enrolments = await db.Enrolments
            .Where(e => e.ProgrammeId == programme.Id && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee))
            .ToListAsync(ct);
        var ids = enrolments.Select(e => e.Id).ToList();
        var consent = (await db.ConsentDecisions.Where(d => ids.Contains(d.EnrolmentId)).ToListAsync(ct))
            .GroupBy(d => d.EnrolmentId).ToDictionary(g => g.Key, g => Consent.IsGiven(g, ConsentPurpose.UseAnswersInEvaluation));
        var included = enrolments
            .Where(e => e.WithdrawalChoice != WithdrawalChoice.Erase && consent.GetValueOrDefault(e.Id))
            .ToDictionary(e => e.Id);

        var waves = await db.Waves.Where(w => w.ProgrammeId == programme.Id).ToListAsync(ct);
        var instrumentIds = waves.Select(w => w.InstrumentId).ToHashSet();
        var waveIds = waves.Select(w => w.Id).ToList();
        var responses = await db.Responses.AsNoTracking()
            .Where(r => r.Status == ResponseStatus.Submitted && waveIds.Contains(r.WaveId))
            .ToListAsync(ct);
        foreach (var r in responses) instrumentIds.Add(r.InstrumentId);
        var instruments = await db.Instruments.Include(i => i.Items).Where(i => instrumentIds.Contains(i.Id)).ToListAsync(ct);
        var instrumentById = instruments.ToDictionary(i => i.Id);
        var waveById = waves.ToDictionary(w => w.Id);

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

        // A join, not a list of ids: a large programme has tens of thousands of responses.
        var responseById = responses.Where(r => included.ContainsKey(r.EnrolmentId)).ToDictionary(r => r.Id);
        var answers = (await (from a in db.Answers
                              join r in db.Responses on a.ResponseId equals r.Id
                              join w in db.Waves on r.WaveId equals w.Id
                              where w.ProgrammeId == programme.Id && r.Status == ResponseStatus.Submitted
                              // Only the columns the bundle needs: there can be millions of rows.
                              select new { a.ResponseId, a.ItemId, a.DomainId, a.Number, a.Text }).ToListAsync(ct))
            .Where(a => responseById.ContainsKey(a.ResponseId))
            .ToList();
        var itemById = instruments.SelectMany(i => i.Items).ToDictionary(i => i.Id);
        var bundleAnswers = answers
            .Where(a => itemById.ContainsKey(a.ItemId) && (a.Number is not null || !string.IsNullOrEmpty(a.Text)))
            .Where(a => a.DomainId == Guid.Empty || domainPosition.ContainsKey(a.DomainId))
            .Select(a =>
            {
                var response = responseById[a.ResponseId];
                var instrument = instrumentById[response.InstrumentId];
                return new BundleAnswer(
                    included[response.EnrolmentId].ParticipantCode,
                    bundleKeys.GetValueOrDefault((response.InstrumentId, response.WaveId)) ?? instrument.Key,
                    instrument.Version, itemById[a.ItemId].Key,
                    a.DomainId != Guid.Empty ? domainPosition[a.DomainId] : null,
                    a.Number, string.IsNullOrEmpty(a.Text) ? null : a.Text);
            })
            .ToList();

        var submittedStages = responses.Where(r => included.ContainsKey(r.EnrolmentId))
            .GroupBy(r => r.EnrolmentId).ToDictionary(g => g.Key, g => g.Select(r => waveById[r.WaveId].Stage).ToHashSet());
        var participants = included.Values.Select(e => new BundleParticipant(
            e.ParticipantCode, ToBundle(e.Role), WithdrawnAt(e, waves, submittedStages.GetValueOrDefault(e.Id) ?? []),
            new BundleDemographics(e.Demographics.Gender, e.Demographics.AgeBand, e.Demographics.StaffGroup, e.Demographics.Grade, e.Demographics.YearsInRole, e.Demographics.PriorMentoring)))
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
        return await BundleContentExport.AddAsync(db, programme, bundle, ct);
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
