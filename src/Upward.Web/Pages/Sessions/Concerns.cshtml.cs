using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Sessions;

/// <summary>The coordinators read concerns raised with them, newest first.</summary>
[Requires(ProgrammeCapability.ReadConcerns)]
public sealed class ConcernsModel(UpwardDbContext db) : ProgrammePageModel
{
    public sealed record Row(Concern Concern, string From, string When);
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);
        var concerns = await db.Concerns.Where(c => c.ProgrammeId == ProgrammeId).ToListAsync(ct);
        var ids = concerns.Select(c => c.RaisedByEnrolmentId).ToList();
        var from = await db.Enrolments.Where(e => ids.Contains(e.Id)).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, u.DisplayName })
            .ToDictionaryAsync(x => x.Id, x => $"{x.DisplayName} ({x.ParticipantCode})", ct);
        Rows = concerns.OrderByDescending(c => c.RaisedAtUtc)
            .Select(c => new Row(c, from.GetValueOrDefault(c.RaisedByEnrolmentId) ?? "a former participant", TimeZoneInfo.ConvertTimeFromUtc(c.RaisedAtUtc, zone).ToString("d MMM yyyy HH:mm")))
            .ToList();
        return Page();
    }
}
