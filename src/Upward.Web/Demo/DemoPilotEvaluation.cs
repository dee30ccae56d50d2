using Upward.Core.Bundles;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Themes;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Web.Pages.Evaluation;

namespace Upward.Web.Demo;

/// <summary>
/// Imports a bundle shaped like the published pilot (answers consistent with its figures) as a
/// second demo programme, with the demo coordinator and researcher enrolled, so the evaluation
/// report has something to show from the first start. The bundle carries a content analysis along the
/// study's themes (answers in our own words, never patient data), with a quote chosen for each theme
/// from someone who agreed to be quoted (MR-06 did not), so Table 1 is filled; the codings are then
/// put under the demo researcher, as if they had coded the answers themselves and finished each one.
/// </summary>
public sealed class DemoPilotEvaluation(BundleImport import, UpwardDbContext db, TimeProvider clock)
{
    public const string ResourceName = "Upward.Web.Demo.pilot-bundle.json";

    public static ResearchBundle Bundle()
    {
        using var stream = typeof(DemoPilotEvaluation).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The demo bundle {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return BundleReader.Read(reader.ReadToEnd());
    }

    public async Task LoadAsync(Guid organisationId, Guid coordinatorUserId, Guid researcherUserId, CancellationToken ct)
    {
        var programme = await import.ImportAsync(Bundle(), organisationId, actorUserId: null, ct);
        db.Enrolments.Add(new Enrolment { ProgrammeId = programme.Id, UserId = coordinatorUserId, Role = ProgrammeRole.Coordinator, Status = EnrolmentStatus.Consented, ParticipantCode = ParticipantCode.For(ProgrammeRole.Coordinator, 1) });
        var researcher = new Enrolment { ProgrammeId = programme.Id, UserId = researcherUserId, Role = ProgrammeRole.Researcher, Status = EnrolmentStatus.Consented, ParticipantCode = ParticipantCode.For(ProgrammeRole.Researcher, 1) };
        db.Enrolments.Add(researcher);
        await db.SaveChangesAsync(ct);

        await db.Codings.Where(c => c.ProgrammeId == programme.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CoderEnrolmentId, researcher.Id), ct);
        var coded = await db.Codings.Where(c => c.ProgrammeId == programme.Id).Select(c => c.AnswerId).Distinct().ToListAsync(ct);
        db.CodingsFinished.AddRange(coded.Select(answerId => new CodingFinished { ProgrammeId = programme.Id, AnswerId = answerId, CoderEnrolmentId = researcher.Id, FinishedAtUtc = clock.GetUtcNow().UtcDateTime }));
        await db.SaveChangesAsync(ct);
    }
}
