using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Data;
using Upward.Web.PhaseOne;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>Mentors the mentee would rather not meet: allocation never pairs them, even by hand.</summary>
public sealed class RatherNotMeetModel(ProgrammeGate gate, UpwardDbContext db) : MentorChoicePageModel(gate, db)
{
    protected override string PagePath => "rather-not-meet";
    protected override string OtherListName => "would like to meet";

    protected override Task<List<Guid>> ChosenAsync(Guid mentee, CancellationToken ct) =>
        Db.MentorDeclines.Where(d => d.MenteeEnrolmentId == mentee).Select(d => d.MentorEnrolmentId).ToListAsync(ct);

    protected override Task<List<Guid>> OnOtherListAsync(Guid mentee, CancellationToken ct) =>
        Db.MentorWishes.Where(w => w.MenteeEnrolmentId == mentee).Select(w => w.MentorEnrolmentId).ToListAsync(ct);

    protected override async Task ReplaceAsync(Guid mentee, IReadOnlyCollection<Guid> chosen, CancellationToken ct)
    {
        var existing = await Db.MentorDeclines.Where(d => d.MenteeEnrolmentId == mentee).ToListAsync(ct);
        Db.MentorDeclines.RemoveRange(existing.Where(d => !chosen.Contains(d.MentorEnrolmentId)));
        foreach (var mentor in chosen.Where(id => existing.All(d => d.MentorEnrolmentId != id)))
        {
            Db.MentorDeclines.Add(new MentorDecline { ProgrammeId = ProgrammeId, MenteeEnrolmentId = mentee, MentorEnrolmentId = mentor });
        }
    }
}
