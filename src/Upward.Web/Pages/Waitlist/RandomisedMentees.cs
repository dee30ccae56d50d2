using Microsoft.EntityFrameworkCore;
using Upward.Core.Designs;
using Upward.Core.Programmes;
using Upward.Data;

namespace Upward.Web.Pages.Waitlist;

/// <summary>
/// The mentees a randomisation takes, in the order it takes them (by participant code): before the
/// draw, those who agreed to take part; once drawn, exactly those drawn, so the seed still checks out
/// after others join or withdraw. Shared by the waitlist's and the stepped wedge's pages.
/// </summary>
public static class RandomisedMentees
{
    public sealed record Mentee(Guid EnrolmentId, string Code, string Name, string? Department, int? Step, bool Paired)
    {
        /// <summary>The first period's arm: step 1 starts now, later steps wait.</summary>
        public Arm? Arm => Step is { } s ? Steps.ArmOf(s) : null;
    }

    public static async Task<IReadOnlyList<Mentee>> LoadAsync(UpwardDbContext db, Guid programmeId, bool drawn, CancellationToken ct)
    {
        var steps = await db.ArmAssignments.Where(a => a.ProgrammeId == programmeId).ToDictionaryAsync(a => a.EnrolmentId, a => a.Step, ct);
        var paired = (await db.Pairings.Where(p => p.ProgrammeId == programmeId).Select(p => p.MenteeEnrolmentId).ToListAsync(ct)).ToHashSet();
        var mentees = await db.Enrolments
            .Where(e => e.ProgrammeId == programmeId && e.Role == ProgrammeRole.Mentee)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, e.Status, e.Department, u.DisplayName })
            .ToListAsync(ct);
        return [.. mentees
            .Where(m => drawn ? steps.ContainsKey(m.Id) : m.Status == EnrolmentStatus.Consented)
            .OrderBy(m => m.ParticipantCode, StringComparer.Ordinal)
            .Select(m => new Mentee(m.Id, m.ParticipantCode, m.DisplayName, string.IsNullOrWhiteSpace(m.Department) ? null : m.Department.Trim(),
                steps.TryGetValue(m.Id, out var step) ? step : null, paired.Contains(m.Id)))];
    }

    /// <summary>
    /// Mentees who agreed to take part after the draw, so are in no arm or step: never drawn into one
    /// (the seed must still check out), they cannot be paired in the programme's turns and are not in its comparison.
    /// </summary>
    public static async Task<IReadOnlyList<Mentee>> JoinedAfterAsync(UpwardDbContext db, Guid programmeId, CancellationToken ct)
    {
        var rows = await db.Enrolments
            .Where(e => e.ProgrammeId == programmeId && e.Role == ProgrammeRole.Mentee && e.Status == EnrolmentStatus.Consented
                && !db.ArmAssignments.Any(a => a.EnrolmentId == e.Id))
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, e.Department, u.DisplayName })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ParticipantCode, StringComparer.Ordinal)
            .Select(r => new Mentee(r.Id, r.ParticipantCode, r.DisplayName, string.IsNullOrWhiteSpace(r.Department) ? null : r.Department.Trim(), null, false))];
    }

    /// <summary>
    /// Why whole departments cannot be drawn from these mentees, or null: every mentee needs a
    /// department (a mentee without one would belong to no cluster, and drawing them on their own would
    /// mix two designs in one comparison), and there must be at least <paramref name="atLeast"/> departments.
    /// </summary>
    public static string? WhyNoDepartmentDraw(IReadOnlyList<Mentee> mentees, int atLeast)
    {
        var without = mentees.Where(m => m.Department is null).ToList();
        if (without.Count > 0)
        {
            return $"{without.Count} {(without.Count == 1 ? "mentee has" : "mentees have")} no department ({string.Join(", ", without.Select(m => m.Code))}): "
                + "every mentee must have one before whole departments are drawn. Ask them to give it on their “Your work” page, or withdraw them";
        }
        int departments = mentees.Select(m => m.Department).Distinct(StringComparer.Ordinal).Count();
        return departments < atLeast ? $"Mentees must be in at least {atLeast} departments to draw whole departments; they are in {departments}" : null;
    }
}
