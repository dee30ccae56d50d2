using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Data;

namespace Upward.Web.Pages.Preparation;

/// <summary>
/// A programme's preparation as the database holds it: its modules in force (copied from Upward's
/// own on first use), its settings, and each mentor's readiness with the reasons they are not ready.
/// </summary>
public sealed class PreparationQueries(UpwardDbContext db, TimeProvider clock)
{
    /// <summary>A module in force: its latest version, read.</summary>
    public sealed record Module(PreparationModule Row, ModuleText Text)
    {
        public string Key => Row.Key;
        public Readiness.ModuleRef Ref => new(Row.Key, Row.Position, Text.Title, Row.Audience);
    }

    /// <summary>Where a mentor stands: what they have done and, if anything is missing, why they are not ready.</summary>
    public sealed record MentorState(
        Guid EnrolmentId, Guid UserId, string Name, string Code, bool IsPatient, IReadOnlySet<string> Completed,
        SelfAssessment? SelfAssessment, DateOnly? Induction, int Supervisions, IReadOnlyList<string> Reasons)
    {
        public bool Ready => Reasons.Count == 0;
    }

    /// <summary>The programme's modules in force, copying Upward's own into it the first time anyone looks.</summary>
    public async Task<IReadOnlyList<Module>> ModulesAsync(Programme programme, CancellationToken ct)
    {
        var builtInKeys = BuiltInModules.All.Select(m => m.Key).ToList();
        // The first look copies them all; a programme copied before a module was added to Upward gets the new one.
        if (await db.PreparationModules.Where(m => m.ProgrammeId == programme.Id && builtInKeys.Contains(m.Key)).Select(m => m.Key).Distinct().CountAsync(ct) < builtInKeys.Count)
        {
            await db.WriteAtomicallyAsync(async ct =>
            {
                // Two first looks at once take turns; the second finds the copy the first made.
                await db.LockAsync<Programme>(programme.Id, ct);
                var present = await db.PreparationModules.Where(m => m.ProgrammeId == programme.Id).Select(m => m.Key).Distinct().ToListAsync(ct);
                if (builtInKeys.All(present.Contains)) return 0;
                var now = clock.GetUtcNow().UtcDateTime;
                db.PreparationModules.AddRange(BuiltInModules.All.Where(m => !present.Contains(m.Key)).Select(m => new PreparationModule
                {
                    ProgrammeId = programme.Id, Key = m.Key, Position = m.Position, Audience = m.Audience, Version = 1, Markdown = m.Markdown, CreatedAtUtc = now,
                }));
                db.Audit(AuditAction.ModulesCopied, null, programme.OrganisationId, programme.Id, $"programme:{programme.Id}");
                return await db.SaveChangesAsync(ct);
            }, ct);
        }
        var rows = await db.PreparationModules.AsNoTracking().Where(m => m.ProgrammeId == programme.Id).ToListAsync(ct);
        return rows.GroupBy(m => m.Key).Select(g => g.MaxBy(m => m.Version)!)
            .OrderBy(m => m.Position)
            .Select(m => new Module(m, ModuleText.Parse(m.Markdown).Text ?? new ModuleText(m.Key, "", [])))
            .ToList();
    }

    public async Task<PreparationSettings> SettingsAsync(Guid programmeId, CancellationToken ct) =>
        await db.PreparationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ProgrammeId == programmeId, ct) ?? PreparationSettings.DefaultFor(programmeId);

    /// <summary>Every mentor of the programme who is taking part (consented), with their readiness.</summary>
    public Task<IReadOnlyList<MentorState>> MentorsAsync(Programme programme, CancellationToken ct, Guid? onlyEnrolment = null) =>
        StatesAsync(programme, ConsentedMentors(programme.Id).Where(e => onlyEnrolment == null || e.Id == onlyEnrolment), ct);

    /// <summary>The readiness of the mentors given (a page of a list), in participant code order.</summary>
    public Task<IReadOnlyList<MentorState>> MentorsAsync(Programme programme, IReadOnlyCollection<Guid> enrolmentIds, CancellationToken ct) =>
        StatesAsync(programme, ConsentedMentors(programme.Id).Where(e => enrolmentIds.Contains(e.Id)), ct);

    /// <summary>The programme's mentors who are taking part (consented).</summary>
    public IQueryable<Enrolment> ConsentedMentors(Guid programmeId) =>
        db.Enrolments.Where(e => e.ProgrammeId == programmeId && e.Role == ProgrammeRole.Mentor && e.Status == EnrolmentStatus.Consented);

    private async Task<IReadOnlyList<MentorState>> StatesAsync(Programme programme, IQueryable<Enrolment> which, CancellationToken ct)
    {
        var modules = (await ModulesAsync(programme, ct)).Select(m => m.Ref).ToList();
        var mentors = await which.AsNoTracking()
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { Enrolment = e, u.DisplayName })
            .ToListAsync(ct);
        // Each detail is read for the same mentors by a subquery, not a list of thousands of ids.
        var completions = (await db.ModuleCompletions.AsNoTracking().Where(c => which.Any(e => e.Id == c.EnrolmentId)).Select(c => new { c.EnrolmentId, c.ModuleKey }).ToListAsync(ct))
            .ToLookup(c => c.EnrolmentId, c => c.ModuleKey);
        var assessments = await db.SelfAssessments.AsNoTracking().Where(s => which.Any(e => e.Id == s.EnrolmentId)).ToDictionaryAsync(s => s.EnrolmentId, ct);
        var attendances = (await db.Attendances.AsNoTracking().Where(a => which.Any(e => e.Id == a.EnrolmentId)).ToListAsync(ct)).ToLookup(a => a.EnrolmentId);
        return mentors.OrderBy(m => m.Enrolment.ParticipantCode, StringComparer.Ordinal).Select(m =>
        {
            var patient = PatientMentors.Is(m.Enrolment, programme.Type);
            var completed = completions[m.Enrolment.Id].ToHashSet();
            var assessment = assessments.GetValueOrDefault(m.Enrolment.Id);
            var attended = attendances[m.Enrolment.Id].ToList();
            var induction = attended.Where(a => a.Kind == AttendanceKind.Induction).Select(a => (DateOnly?)a.HeldOn).Min();
            var reasons = Readiness.Reasons(modules, patient, completed, assessment is not null, induction is not null);
            return new MentorState(m.Enrolment.Id, m.Enrolment.UserId, m.DisplayName, m.Enrolment.ParticipantCode, patient, completed, assessment, induction,
                attended.Count(a => a.Kind == AttendanceKind.GroupSupervision), reasons);
        }).ToList();
    }

    /// <summary>The signed-in person's consented enrolment in a role, or null.</summary>
    public Task<Enrolment?> MyEnrolmentAsync(Guid programmeId, Guid userId, ProgrammeRole role, CancellationToken ct) =>
        db.Enrolments.SingleOrDefaultAsync(e => e.ProgrammeId == programmeId && e.UserId == userId && e.Role == role && e.Status == EnrolmentStatus.Consented, ct);
}
