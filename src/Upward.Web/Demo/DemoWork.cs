using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;

namespace Upward.Web.Demo;

/// <summary>
/// What the demo's mentors and mentees said about their work and whom they would like to meet, so
/// best-fit allocation has something to weigh: three departments and specialties, two topics each,
/// and one mentee (mentee2) who would like to meet mentor3.
/// </summary>
public static class DemoWork
{
    private static readonly string[] Departments = ["Emergency department", "Acute medical unit", "Surgical assessment unit"];
    private static readonly string[] Specialties = ["Emergency medicine", "Acute medicine", "General surgery"];

    public static async Task LoadAsync(UpwardDbContext db, Guid programmeId, CancellationToken ct)
    {
        var programme = await db.Programmes.Include(p => p.Domains).SingleAsync(p => p.Id == programmeId, ct);
        programme.Departments = [.. Departments];
        programme.Specialties = [.. Specialties];
        var domains = programme.Domains.OrderBy(d => d.Position).Select(d => d.Id).ToList();
        var people = await db.Enrolments
            .Where(e => e.ProgrammeId == programmeId && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee))
            .OrderBy(e => e.ParticipantCode)
            .ToListAsync(ct);
        for (var i = 0; i < people.Count; i++)
        {
            people[i].Department = Departments[i % Departments.Length];
            people[i].Specialty = Specialties[(i + 1) % Specialties.Length];
            people[i].TopicDomainIds = [domains[i % domains.Count], domains[(i + 2) % domains.Count]];
        }
        var mentor3 = people.Single(e => e.ParticipantCode == ParticipantCode.For(ProgrammeRole.Mentor, 3));
        var mentee2 = people.Single(e => e.ParticipantCode == ParticipantCode.For(ProgrammeRole.Mentee, 2));
        db.MentorWishes.Add(new MentorWish { ProgrammeId = programmeId, MenteeEnrolmentId = mentee2.Id, MentorEnrolmentId = mentor3.Id });
        await db.SaveChangesAsync(ct);
    }
}
