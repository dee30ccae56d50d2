using Microsoft.EntityFrameworkCore;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Recognition;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Pages.Preparation;

namespace Upward.Web.Pages.Recognition;

/// <summary>
/// What a participant has done in a programme, from the database: the sessions their pairings held,
/// and for a mentor their preparation and whether they answered the last questionnaire. Never who
/// they were paired with.
/// </summary>
public sealed class ParticipationQuery(UpwardDbContext db, PreparationQueries preparation)
{
    public sealed record ModuleDone(int Position, string Title, DateTime CompletedAtUtc);

    public sealed record MentorParticipation(
        string Name, IReadOnlyList<ModuleDone> Modules, bool PreparationDone, DateOnly? Induction, int Supervisions,
        IReadOnlyList<DateTime> SessionsHeldAtUtc, bool EvaluationReturned, Certificate? Certificate)
    {
        public MentorRecord Record => new(PreparationDone, SessionsHeldAtUtc.Count, EvaluationReturned);
    }

    /// <summary>When each session of this enrolment's pairings (on either side) was held, earliest first.</summary>
    public async Task<IReadOnlyList<DateTime>> SessionsHeldAsync(Guid enrolmentId, CancellationToken ct) =>
        await db.MentoringSessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Held && db.Pairings.Any(p => p.Id == s.PairingId && (p.MentorEnrolmentId == enrolmentId || p.MenteeEnrolmentId == enrolmentId)))
            .OrderBy(s => s.StartsAtUtc).Select(s => s.StartsAtUtc).ToListAsync(ct);

    public async Task<MentorParticipation> MentorAsync(Programme programme, Enrolment enrolment, CancellationToken ct)
    {
        var state = (await preparation.MentorsAsync(programme, ct, enrolment.Id)).Single();
        var modules = await preparation.ModulesAsync(programme, ct);
        var asked = Readiness.ModulesFor(modules.Select(m => m.Ref), state.IsPatient).ToList();
        var completions = await db.ModuleCompletions.AsNoTracking().Where(c => c.EnrolmentId == enrolment.Id).ToListAsync(ct);
        var done = asked.Join(completions, m => m.Key, c => c.ModuleKey, (m, c) => new ModuleDone(m.Position, m.Title, c.CompletedAtUtc)).ToList();

        // The programme's last questionnaire for mentors; with none, there is nothing to return.
        var waves = await db.Waves.AsNoTracking().Where(w => w.ProgrammeId == programme.Id && w.Audience == ProgrammeRole.Mentor).Select(w => new { w.Id, w.Stage }).ToListAsync(ct);
        var returned = true;
        if (waves.Count > 0)
        {
            var last = waves.Max(w => w.Stage);
            var lastWaves = waves.Where(w => w.Stage == last).Select(w => w.Id).ToList();
            returned = await db.Responses.AnyAsync(r => r.EnrolmentId == enrolment.Id && lastWaves.Contains(r.WaveId) && r.Status == ResponseStatus.Submitted, ct);
        }
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.EnrolmentId == enrolment.Id, ct);
        return new MentorParticipation(state.Name, done, done.Count == asked.Count, state.Induction, state.Supervisions,
            await SessionsHeldAsync(enrolment.Id, ct), returned, certificate);
    }
}
