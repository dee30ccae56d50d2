using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Data;
using Upward.Web.PhaseOne;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>Mentors the mentee would like to meet: best-fit allocation favours them when the coordinator counts wishes.</summary>
public sealed class WouldLikeToMeetModel(ProgrammeGate gate, UpwardDbContext db) : MentorChoicePageModel(gate, db)
{
    protected override string PagePath => "would-like-to-meet";
    protected override string OtherListName => "would rather not meet";

    protected override Task<List<Guid>> ChosenAsync(Guid mentee, CancellationToken ct) =>
        Db.MentorWishes.Where(w => w.MenteeEnrolmentId == mentee).Select(w => w.MentorEnrolmentId).ToListAsync(ct);

    protected override Task<List<Guid>> OnOtherListAsync(Guid mentee, CancellationToken ct) =>
        Db.MentorDeclines.Where(d => d.MenteeEnrolmentId == mentee).Select(d => d.MentorEnrolmentId).ToListAsync(ct);

    protected override async Task ReplaceAsync(Guid mentee, IReadOnlyCollection<Guid> chosen, CancellationToken ct)
    {
        var existing = await Db.MentorWishes.Where(w => w.MenteeEnrolmentId == mentee).ToListAsync(ct);
        Db.MentorWishes.RemoveRange(existing.Where(w => !chosen.Contains(w.MentorEnrolmentId)));
        foreach (var mentor in chosen.Where(id => existing.All(w => w.MentorEnrolmentId != id)))
        {
            Db.MentorWishes.Add(new MentorWish { ProgrammeId = ProgrammeId, MenteeEnrolmentId = mentee, MentorEnrolmentId = mentor });
        }
    }
}
