using Microsoft.EntityFrameworkCore;
using Upward.Core.Allocation;
using Upward.Core.Designs;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Data.Evaluation;

namespace Upward.Web.Pages.Allocation;

/// <summary>Gathers what an allocation rests on from the database, for Core's planner.</summary>
public sealed class AllocationFactsQuery(UpwardDbContext db, Preparation.PreparationQueries preparation)
{
    public sealed record Person(Guid EnrolmentId, string Code, string Name, string? Email);

    public sealed record Result(AllocationFacts Facts, IReadOnlyDictionary<Guid, Person> People, IReadOnlyList<Pairing> ActivePairings)
    {
        /// <summary>Mentors left out because the programme waits for readiness, each with why they are not ready.</summary>
        public IReadOnlyList<NotReadyMentor> NotReady { get; init; } = [];

        /// <summary>In a waitlist control, mentees not yet to be paired (no arm yet, or the later arm still waiting), each with why.</summary>
        public IReadOnlyList<WaitingMentee> Waiting { get; init; } = [];

        /// <summary>The facts about pairs cover only the mentees shown: right for drawing them, wrong for planning.</summary>
        public bool ForShowingOnly { get; init; }
    }

    public sealed record NotReadyMentor(Person Person, IReadOnlyList<string> Reasons);

    public sealed record WaitingMentee(Person Person, string Reason);

    /// <summary>Everything the planner weighs, for previewing, confirming or pairing by hand.</summary>
    public Task<Result> LoadAsync(Programme programme, CancellationToken ct) => LoadAsync(programme, show: null, ct);

    /// <summary>
    /// For drawing the page when nothing is being planned: who takes part in full, but the facts about
    /// pairs (willingness, conflicts, declines, wishes) only for the waiting mentees <paramref name="show"/>
    /// picks from those taking part, enough for their willing-and-free mentors. At 5,000 a side the
    /// whole willingness is 50,000 rows and more, read and hashed on every visit for 25 rows of a table.
    /// Never plan from the result: <see cref="Result.ForShowingOnly"/> says so.
    /// </summary>
    public Task<Result> LoadForShowingAsync(Programme programme, Func<IReadOnlyList<Guid>, IReadOnlyDictionary<Guid, Person>, IReadOnlyList<Guid>> show,
        CancellationToken ct) => LoadAsync(programme, show, ct);

    private async Task<Result> LoadAsync(Programme programme, Func<IReadOnlyList<Guid>, IReadOnlyDictionary<Guid, Person>, IReadOnlyList<Guid>>? show,
        CancellationToken ct)
    {
        var people = await db.Enrolments
            .Where(e => e.ProgrammeId == programme.Id && e.Status == EnrolmentStatus.Consented && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee))
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.Role, e.ParticipantCode, u.DisplayName, u.Email })
            .ToListAsync(ct);
        // Read, not tracked: thousands of pairings at scale, and a confirmation adds new ones rather than changing these.
        var pairings = await db.Pairings.AsNoTracking().Where(p => p.ProgrammeId == programme.Id).ToListAsync(ct);
        var active = pairings.Where(p => p.Status == PairingStatus.Active).ToList();
        var pairedMentees = active.Select(p => p.MenteeEnrolmentId).ToHashSet();
        var load = active.GroupBy(p => p.MentorEnrolmentId).ToDictionary(g => g.Key, g => g.Count());

        // When the programme waits for readiness, a mentor not yet prepared takes no part, and the page says why.
        var notReady = new Dictionary<Guid, IReadOnlyList<string>>();
        if ((await preparation.SettingsAsync(programme.Id, ct)).AllocationWaitsForReadiness)
        {
            foreach (var mentor in await preparation.MentorsAsync(programme, ct))
            {
                if (!mentor.Ready) notReady[mentor.EnrolmentId] = mentor.Reasons;
            }
        }

        // In a waitlist control or a stepped wedge a mentee is paired only in their arm's or step's turn (WaitlistPairing).
        var waiting = new Dictionary<Guid, string>();
        var plan = (await db.CurrentAsync(programme, ct)).Plan;
        if (plan.IsRandomised)
        {
            var allocation = await db.WaitlistAllocations.AsNoTracking().SingleOrDefaultAsync(a => a.ProgrammeId == programme.Id, ct);
            var steps = await db.ArmAssignments.Where(a => a.ProgrammeId == programme.Id).ToDictionaryAsync(a => a.EnrolmentId, a => a.Step, ct);
            var designSteps = await db.DesignSteps.AsNoTracking().Where(s => s.ProgrammeId == programme.Id).ToListAsync(ct);
            foreach (var mentee in people.Where(p => p.Role == ProgrammeRole.Mentee && !pairedMentees.Contains(p.Id)))
            {
                if (WaitlistPairing.WhyNotYet(plan.IsSteppedWedge, allocation, steps.TryGetValue(mentee.Id, out var step) ? step : null, designSteps) is { } why) waiting[mentee.Id] = why;
            }
        }

        // Mentors already at capacity and mentees already paired take no part in a new round.
        var mentors = people.Where(p => p.Role == ProgrammeRole.Mentor && load.GetValueOrDefault(p.Id) < programme.MenteesPerMentor && !notReady.ContainsKey(p.Id))
            .OrderBy(p => p.ParticipantCode, StringComparer.Ordinal).Select(p => p.Id).ToList();
        var mentees = people.Where(p => p.Role == ProgrammeRole.Mentee && !pairedMentees.Contains(p.Id) && !waiting.ContainsKey(p.Id))
            .OrderBy(p => p.ParticipantCode, StringComparer.Ordinal).Select(p => p.Id).ToList();

        var persons = people.ToDictionary(p => p.Id, p => new Person(p.Id, p.ParticipantCode, p.DisplayName, p.Email));
        var shown = show?.Invoke(mentees, persons);
        // Only the mentees taking part in this round can be paired (the planner asks nothing about the others), so the
        // facts about pairs are read for them alone: at 5,000 a side with most paired, a tenth of the willingness.
        var pairFacts = await PairFactsAsync(programme.Id, shown ?? mentees, ct);
        // Profiles only weigh in a plan, and only for those taking part in it; a page drawn without one does not need them.
        var profiles = shown is not null ? new Dictionary<Guid, MatchProfile>() : await ProfilesAsync(programme, [.. mentors, .. mentees], ct);

        var facts = new AllocationFacts(
            mentors, mentees, pairFacts.Willing, pairFacts.Conflicts, pairFacts.Supervisions, pairFacts.Declines,
            pairings.Where(p => p.Status == PairingStatus.Ended).Select(p => (p.MentorEnrolmentId, p.MenteeEnrolmentId)).ToHashSet(),
            programme.MenteesPerMentor,
            programme.SupervisorRule)
        {
            PlacesTaken = load,
            Wished = pairFacts.Wished,
            Profiles = profiles,
        };
        return new Result(facts, persons, active)
        {
            ForShowingOnly = shown is not null,
            Waiting = [.. waiting.Select(w => new WaitingMentee(persons[w.Key], w.Value)).OrderBy(w => w.Person.Code, StringComparer.Ordinal)],
            NotReady = [.. notReady.Where(n => persons.ContainsKey(n.Key)).Select(n => new NotReadyMentor(persons[n.Key], n.Value)).OrderBy(n => n.Person.Code, StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// What best fit weighs of each of these people. Read apart from who takes part, and only for those in the round:
    /// each person's topics are a list the database keeps as one value, and reading 10,000 of them on every view of
    /// the allocation page took longer than the rest of its reading.
    /// </summary>
    private async Task<Dictionary<Guid, MatchProfile>> ProfilesAsync(Programme programme, List<Guid> people, CancellationToken ct)
    {
        var topicNames = programme.Domains.ToDictionary(d => d.Id, d => d.Name);
        var rows = await db.Enrolments.Where(e => e.ProgrammeId == programme.Id && people.Contains(e.Id))
            .Select(e => new { e.Id, e.Department, e.Specialty, e.TopicDomainIds }).ToListAsync(ct);
        return rows.ToDictionary(p => p.Id, p => new MatchProfile(p.Department, p.Specialty,
            p.TopicDomainIds.Where(topicNames.ContainsKey).Select(t => topicNames[t]).ToHashSet()));
    }

    private sealed record PairFacts(
        HashSet<(Guid, Guid)> Willing, HashSet<(Guid, Guid)> Conflicts, HashSet<(Guid, Guid)> Supervisions, HashSet<(Guid, Guid)> Declines, HashSet<(Guid, Guid)> Wished);

    /// <summary>What was said about particular mentor-mentee pairs, for <paramref name="mentees"/> only.</summary>
    private async Task<PairFacts> PairFactsAsync(Guid programmeId, IReadOnlyList<Guid> mentees, CancellationToken ct)
    {
        if (mentees.Count == 0)
        {
            return new PairFacts([], [], [], [], []);
        }
        var willingness = db.Willingness.Where(w => w.ProgrammeId == programmeId && w.Willing && mentees.Contains(w.MenteeEnrolmentId));
        var relationships = db.Relationships.AsNoTracking().Where(r => r.ProgrammeId == programmeId && mentees.Contains(r.MenteeEnrolmentId));
        var declines = db.MentorDeclines.Where(d => d.ProgrammeId == programmeId && mentees.Contains(d.MenteeEnrolmentId));
        var wishes = db.MentorWishes.Where(w => w.ProgrammeId == programmeId && mentees.Contains(w.MenteeEnrolmentId));
        var willing = (await willingness.Select(w => new { w.MentorEnrolmentId, w.MenteeEnrolmentId }).ToListAsync(ct))
            .Select(w => (w.MentorEnrolmentId, w.MenteeEnrolmentId)).ToHashSet();
        var related = await relationships.ToListAsync(ct);
        var declined = (await declines.Select(d => new { d.MentorEnrolmentId, d.MenteeEnrolmentId }).ToListAsync(ct))
            .Select(d => (d.MentorEnrolmentId, d.MenteeEnrolmentId)).ToHashSet();
        var wished = (await wishes.Select(w => new { w.MentorEnrolmentId, w.MenteeEnrolmentId }).ToListAsync(ct))
            .Select(w => (w.MentorEnrolmentId, w.MenteeEnrolmentId)).ToHashSet();
        return new PairFacts(willing,
            related.Where(r => r.Kind == RelationshipKind.ConflictOfInterest).Select(r => (r.MentorEnrolmentId, r.MenteeEnrolmentId)).ToHashSet(),
            related.Where(r => r.Kind == RelationshipKind.ClinicalSupervisor).Select(r => (r.MentorEnrolmentId, r.MenteeEnrolmentId)).ToHashSet(),
            declined, wished);
    }
}
