using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

/// <summary>The coordinator's board: one row per participant with where they are.</summary>
public sealed class PeopleModel(ProgrammeGate gate, UpwardDbContext db) : ProgrammePageModel(gate)
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string Summary { get; private set; } = "";

    public sealed record Row(string Code, string Name, string Role, string Stage);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await EnterAsync(ProgrammeCapability.ViewProgress, ct) is { } refused)
        {
            return refused;
        }
        var rows = await db.Enrolments
            .Where(e => e.ProgrammeId == ProgrammeId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.ParticipantCode, e.Role, e.Status, u.DisplayName })
            .ToListAsync(ct);
        Rows = rows.OrderBy(r => r.Role).ThenBy(r => r.ParticipantCode)
            .Select(r => new Row(r.ParticipantCode, r.DisplayName, r.Role.ToString(), Stage(r.Status)))
            .ToList();
        var mentors = rows.Count(r => r.Role == ProgrammeRole.Mentor && r.Status != EnrolmentStatus.Withdrawn);
        var mentees = rows.Count(r => r.Role == ProgrammeRole.Mentee && r.Status != EnrolmentStatus.Withdrawn);
        Summary = $"{mentors} {(mentors == 1 ? "mentor" : "mentors")} and {mentees} {(mentees == 1 ? "mentee" : "mentees")} taking part.";
        return Page();
    }

    private static string Stage(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Invited => "Invited",
        EnrolmentStatus.Consented => "Consented",
        EnrolmentStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };
}
