using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;

namespace Upward.Web.Pages;

/// <summary>
/// The programmes a person runs, for their home page: every programme of the organisation for its
/// administrator (who may open each), or the ones a coordinator coordinates (the only ones they may open).
/// </summary>
public static class OrganisationProgrammes
{
    public sealed record Row(Guid Id, string Name, string Type, ProgrammeStatus Status, int Mentors, int Mentees);

    public static async Task<IReadOnlyList<Row>> RunByAsync(UpwardDbContext db, Guid organisationId, Guid userId, bool isAdmin, CancellationToken ct)
    {
        var programmes = db.Programmes.Where(p => p.OrganisationId == organisationId);
        if (!isAdmin)
        {
            programmes = programmes.Where(p => db.Enrolments.Any(e => e.ProgrammeId == p.Id && e.UserId == userId
                && e.Role == ProgrammeRole.Coordinator && e.Status != EnrolmentStatus.Withdrawn));
        }
        var rows = await programmes
            .Select(p => new
            {
                p.Id, p.Name, p.Type, p.Status, p.CreatedAtUtc,
                Mentors = db.Enrolments.Count(e => e.ProgrammeId == p.Id && e.Role == ProgrammeRole.Mentor && e.Status == EnrolmentStatus.Consented),
                Mentees = db.Enrolments.Count(e => e.ProgrammeId == p.Id && e.Role == ProgrammeRole.Mentee && e.Status == EnrolmentStatus.Consented),
            })
            .ToListAsync(ct);
        // Open programmes first, in the order of their life (drafts need attention first), then by name.
        return rows.OrderBy(r => r.Status == ProgrammeStatus.Closed).ThenBy(r => r.Status).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .Select(r => new Row(r.Id, r.Name, ProgrammeTemplate.For(r.Type).Title, r.Status, r.Mentors, r.Mentees))
            .ToList();
    }

    /// <summary>A programme's stage in words a lead uses.</summary>
    public static string StageOf(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Draft => "Draft: being set up",
        ProgrammeStatus.Recruiting => "Recruiting",
        ProgrammeStatus.Running => "Running",
        ProgrammeStatus.Evaluating => "Evaluating",
        ProgrammeStatus.Closed => "Closed",
        _ => status.ToString(),
    };
}
