using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.People;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

/// <summary>A participant sees what is held about them (UK GDPR right of access), times in the programme's zone.</summary>
public sealed class MyDataModel(ProgrammeGate gate, UpwardDbContext db) : ParticipationPageModel(gate, db)
{
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public IReadOnlyList<DecisionRow> Decisions { get; private set; } = [];

    public sealed record DecisionRow(string When, string Question, bool Given, int Version);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await EnterParticipationAsync(ct) is { } refused)
        {
            return refused;
        }
        var userId = User.UserId();
        var me = await Db.Users.SingleAsync(u => u.Id == userId, ct);
        Name = me.DisplayName;
        Email = me.Email ?? "";
        var ids = MyEnrolments.Select(e => e.Id).ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);
        var decisions = await Db.ConsentDecisions.Where(d => ids.Contains(d.EnrolmentId)).ToListAsync(ct);
        Decisions = decisions
            .OrderByDescending(d => d.DecidedAtUtc)
            .DistinctBy(d => (d.DecidedAtUtc, d.Purpose))
            .Select(d => new DecisionRow(TimeZoneInfo.ConvertTimeFromUtc(d.DecidedAtUtc, zone).ToString("d MMM yyyy HH:mm"),
                ConsentText.For(d.Purpose).Question, d.Given, d.TextVersion))
            .ToList();
        return Page();
    }
}
