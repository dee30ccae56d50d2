using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.People;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.People;

/// <summary>A participant sees what is held about them (UK GDPR right of access), times in the programme's zone.</summary>
public sealed class MyDataModel(UpwardDbContext db) : ParticipationPageModel(db)
{
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public IReadOnlyList<DecisionRow> Decisions { get; private set; } = [];

    private ILookup<(Guid Mentee, bool Wished), string> mentorsNamed = Array.Empty<int>().ToLookup(_ => (Guid.Empty, false), _ => "");

    /// <summary>The mentors a mentee named as ones they would like (or rather not) to meet.</summary>
    public IReadOnlyList<string> MentorsNamed(Guid menteeEnrolmentId, bool wished) => mentorsNamed[(menteeEnrolmentId, wished)].Order().ToList();

    public sealed record DecisionRow(string When, string Question, bool Given, int Version);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
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
        var wishes = Db.MentorWishes.Where(w => ids.Contains(w.MenteeEnrolmentId)).Select(w => new { Mentee = w.MenteeEnrolmentId, Mentor = w.MentorEnrolmentId, Wished = true });
        var declines = Db.MentorDeclines.Where(d => ids.Contains(d.MenteeEnrolmentId)).Select(d => new { Mentee = d.MenteeEnrolmentId, Mentor = d.MentorEnrolmentId, Wished = false });
        var named = await wishes.Concat(declines)
            .Join(Db.Enrolments, c => c.Mentor, e => e.Id, (c, e) => new { c.Mentee, c.Wished, e.UserId })
            .Join(Db.Users, c => c.UserId, u => u.Id, (c, u) => new { c.Mentee, c.Wished, u.DisplayName })
            .ToListAsync(ct);
        mentorsNamed = named.ToLookup(n => (n.Mentee, n.Wished), n => n.DisplayName);
        return Page();
    }
}
