using Upward.Core.Bundles;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Web.Pages.Evaluation;

namespace Upward.Web.Demo;

/// <summary>
/// Imports a bundle shaped like the published pilot (answers consistent with its figures) as a
/// second demo programme, with the demo coordinator and researcher enrolled, so the evaluation
/// report has something to show from the first start.
/// </summary>
public sealed class DemoPilotEvaluation(BundleImport import, UpwardDbContext db)
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
        db.Enrolments.Add(new Enrolment { ProgrammeId = programme.Id, UserId = researcherUserId, Role = ProgrammeRole.Researcher, Status = EnrolmentStatus.Consented, ParticipantCode = ParticipantCode.For(ProgrammeRole.Researcher, 1) });
        await db.SaveChangesAsync(ct);
    }
}
