using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

/// <summary>The coordinator's board: one row per participant with where they are.</summary>
public sealed class PeopleModel(ProgrammeGate gate, UpwardDbContext db) : ProgrammePageModel(gate)
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string Summary { get; private set; } = "";

    public sealed record Row(string Code, string Name, string Role, string Stage, string Questionnaires = "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await EnterAsync(ProgrammeCapability.ViewProgress, ct) is { } refused)
        {
            return refused;
        }
        // Completion only (how many sent of those opened), never the answers themselves.
        var waves = await db.Waves.Where(w => w.ProgrammeId == ProgrammeId && w.OpenedAtUtc != null).Select(w => new { w.Id, w.Audience }).ToListAsync(ct);
        var sent = await db.Responses.Where(r => r.Status == ResponseStatus.Submitted && db.Waves.Any(w => w.Id == r.WaveId && w.ProgrammeId == ProgrammeId))
            .Select(r => r.EnrolmentId).ToListAsync(ct);
        string Completion(Guid enrolmentId, ProgrammeRole role)
        {
            var due = waves.Count(w => w.Audience == role);
            return due == 0 ? "None yet" : $"{sent.Count(id => id == enrolmentId)} of {due} sent";
        }
        var rows = await db.Enrolments
            .Where(e => e.ProgrammeId == ProgrammeId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, e.Role, e.Status, u.DisplayName })
            .ToListAsync(ct);
        Rows = rows.OrderBy(r => r.Role).ThenBy(r => r.ParticipantCode)
            .Select(r => new Row(r.ParticipantCode, r.DisplayName, r.Role.ToString(), Stage(r.Status), Completion(r.Id, r.Role)))
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
