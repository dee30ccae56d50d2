using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Identity;
using Upward.Web.Pages.Questionnaires;

namespace Upward.Web.Pages;

public sealed class IndexModel(UpwardDbContext db) : PageModel
{
    public bool SignedIn { get; private set; }
    public IReadOnlyList<ProgrammeCard> Programmes { get; private set; } = [];

    public IReadOnlyList<DueQuestionnaire> Due { get; private set; } = [];

    /// <summary>The programmes this person runs: all of the organisation's for an administrator, their own for a coordinator.</summary>
    public IReadOnlyList<OrganisationProgrammes.Row> Running { get; private set; } = [];

    /// <summary>Only an organisation administrator may start a programme (see Programmes/New).</summary>
    public bool MayStartProgramme { get; private set; }

    public sealed record DueQuestionnaire(Guid ProgrammeId, Guid WaveId, string Title, string ProgrammeName, bool Started);

    public sealed record ProgrammeCard(Guid Id, string Name, string Status, IReadOnlyList<string> Roles);

    public async Task OnGetAsync(CancellationToken ct)
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        if (!SignedIn)
        {
            return;
        }
        var userId = User.UserId();
        var rows = await db.Enrolments
            .Where(e => e.UserId == userId)
            .Join(db.Programmes, e => e.ProgrammeId, p => p.Id, (e, p) => new { p.Id, p.Name, p.Status, e.Role })
            .ToListAsync(ct);
        MayStartProgramme = User.IsInRole(UpwardRoles.OrganisationAdmin);
        if (User.OrganisationOf() is { } organisationId)
        {
            Running = await OrganisationProgrammes.RunByAsync(db, organisationId, userId, MayStartProgramme, ct);
        }
        // A programme the person runs is listed once, with those they run; the cards are the ones they take part in.
        var run = Running.Select(r => r.Id).ToHashSet();
        Programmes = rows.Where(r => !run.Contains(r.Id)).GroupBy(r => new { r.Id, r.Name, r.Status })
            .Select(g => new ProgrammeCard(g.Key.Id, g.Key.Name, g.Key.Status.ToString().ToLowerInvariant(),
                g.Select(r => r.Role.ToString().ToLowerInvariant()).OrderBy(r => r).ToList()))
            .OrderBy(c => c.Name)
            .ToList();
        Due = await DueAsync(userId, ct);
    }

    /// <summary>Open questionnaires put to one of the user's roles that they have not yet sent.</summary>
    private async Task<IReadOnlyList<DueQuestionnaire>> DueAsync(Guid userId, CancellationToken ct)
    {
        var everPaired = db.EverPaired();
        var toldTheyWait = db.ToldTheyWait();
        var rows = await db.Enrolments
            .Where(e => e.UserId == userId && e.Status == EnrolmentStatus.Consented)
            .Join(db.Waves.Where(w => w.IsOpen), e => new { e.ProgrammeId, Role = e.Role }, w => new { w.ProgrammeId, Role = w.Audience }, (e, w) => new { Enrolment = e.Id, Wave = w })
            // Not the questionnaire about the one-to-one for someone never paired (StageApplicability).
            .Where(x => !StageApplicability.AboutTheOneToOne.Contains(x.Wave.Stage) || everPaired.Contains(x.Enrolment))
            // The waiting list's second before-questionnaire only for those told they wait.
            .Where(x => x.Wave.Stage != Stage.BeforeAgain || toldTheyWait.Contains(x.Enrolment))
            .Join(db.Instruments, x => x.Wave.InstrumentId, i => i.Id, (x, i) => new { x.Enrolment, x.Wave.Id, x.Wave.ProgrammeId, i.Title })
            .Join(db.Programmes, x => x.ProgrammeId, p => p.Id, (x, p) => new { x.Enrolment, x.Id, x.ProgrammeId, x.Title, ProgrammeName = p.Name })
            .Select(x => new
            {
                x.Id, x.ProgrammeId, x.Title, x.ProgrammeName,
                Status = db.Responses.Where(r => r.WaveId == x.Id && r.EnrolmentId == x.Enrolment).Select(r => (ResponseStatus?)r.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Where(r => r.Status != ResponseStatus.Submitted)
            .Select(r => new DueQuestionnaire(r.ProgrammeId, r.Id, r.Title, r.ProgrammeName, r.Status == ResponseStatus.Draft))
            .OrderBy(r => r.ProgrammeName).ThenBy(r => r.Title)
            .ToList();
    }
}
