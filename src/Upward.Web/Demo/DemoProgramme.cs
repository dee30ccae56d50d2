using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Organisations;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Web.Demo;

/// <summary>
/// Made-up data shaped like the published pilot (6 mentors, 5 mentees, seven domains), loaded only
/// with the --demo switch. Its accounts share one published password, which is why it is opt-in.
/// </summary>
public sealed class DemoProgramme(UpwardDbContext db, UserManager<UpwardUser> users, RoleManager<IdentityRole<Guid>> roles, DemoPilotEvaluation pilot, TimeProvider clock, ILogger<DemoProgramme> log)
{
    public const string OrganisationName = "Demo Teaching Hospitals NHS Foundation Trust";
    public const string ProgrammeName = "Gastroenterology reverse mentoring pilot";
    public const string Password = "upward-demo-password";
    public const string EmailDomain = "demo.upward.example";

    /// <summary>Every demo sign-in: email local part, display name, programme role (null for the administrator).</summary>
    public static readonly IReadOnlyList<(string Email, string Name, ProgrammeRole? Role)> People =
    [
        ("admin", "Alex Morgan (administrator)", null),
        ("coordinator", "Dr Priya Shah", ProgrammeRole.Coordinator),
        ("facilitator", "Sam Okafor", ProgrammeRole.Facilitator),
        ("researcher", "Dr Jo Kim", ProgrammeRole.Researcher),
        ("mentor1", "Dr Amira Hassan", ProgrammeRole.Mentor),
        ("mentor2", "Dr Ben Carter", ProgrammeRole.Mentor),
        ("mentor3", "Dr Chloe Evans", ProgrammeRole.Mentor),
        ("mentor4", "Dr Daniel Price", ProgrammeRole.Mentor),
        ("mentor5", "Dr Ella Singh", ProgrammeRole.Mentor),
        ("mentor6", "Dr Femi Adeyemi", ProgrammeRole.Mentor),
        ("mentee1", "Dr Grace Wilson", ProgrammeRole.Mentee),
        ("mentee2", "Dr Henry Clarke", ProgrammeRole.Mentee),
        ("mentee3", "Dr Imran Malik", ProgrammeRole.Mentee),
        ("mentee4", "Dr James Turner", ProgrammeRole.Mentee),
        ("mentee5", "Dr Karen Walsh", ProgrammeRole.Mentee),
    ];

    public static string EmailOf(string localPart) => $"{localPart}@{EmailDomain}";

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.Organisations.AnyAsync(o => o.Name == OrganisationName, ct))
        {
            return;
        }

        var organisation = new Organisation { Name = OrganisationName };
        db.Organisations.Add(organisation);
        var programme = Programme.FromTemplate(ProgrammeTemplate.ClinicalFeedback, organisation.Id, ProgrammeName);
        programme.Status = ProgrammeStatus.Running;
        programme.EthicsReference = "Service evaluation, not research (HRA decision tool)";
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);

        if (!await roles.RoleExistsAsync(UpwardRoles.OrganisationAdmin))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(UpwardRoles.OrganisationAdmin));
        }

        var numbers = new Dictionary<ProgrammeRole, int>();
        Guid coordinatorId = Guid.Empty, researcherId = Guid.Empty;
        foreach (var (localPart, name, role) in People)
        {
            var user = new UpwardUser { UserName = EmailOf(localPart), Email = EmailOf(localPart), DisplayName = name, OrganisationId = organisation.Id, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo account {localPart}: {created.Errors.First().Description}");
            }
            if (role is null)
            {
                await users.AddToRoleAsync(user, UpwardRoles.OrganisationAdmin);
                continue;
            }
            numbers[role.Value] = numbers.GetValueOrDefault(role.Value) + 1;
            var enrolment = new Enrolment
            {
                ProgrammeId = programme.Id,
                UserId = user.Id,
                Role = role.Value,
                Status = EnrolmentStatus.Consented,
                ParticipantCode = ParticipantCode.For(role.Value, numbers[role.Value]),
            };
            db.Enrolments.Add(enrolment);
            // Everyone in the demo agreed to every purpose except mentor6, who did not agree to be quoted.
            foreach (var text in ConsentText.Current)
            {
                db.ConsentDecisions.Add(new ConsentDecision
                {
                    EnrolmentId = enrolment.Id, Purpose = text.Purpose, TextVersion = text.Version, DecidedAtUtc = clock.GetUtcNow().UtcDateTime,
                    Given = !(localPart == "mentor6" && text.Purpose == ConsentPurpose.QuoteAnonymously),
                });
            }
            if (role == ProgrammeRole.Coordinator) coordinatorId = user.Id;
            if (role == ProgrammeRole.Researcher) researcherId = user.Id;
        }
        // The study's questionnaires, with the mentors' first one open so the demo shows one due.
        await Upward.Web.Pages.Questionnaires.BuiltInWaves.AddAsync(db, programme, ct);
        db.Waves.Local.Single(w => w.Stage == Upward.Core.Questionnaires.Stage.BeforePhase1).Open(clock.GetUtcNow().UtcDateTime);
        db.Audit(AuditAction.DemoLoaded, actorUserId: null, organisation.Id, programme.Id);
        await db.SaveChangesAsync(ct);
        await DemoPhaseOne.LoadAsync(db, programme.Id, clock.GetUtcNow().UtcDateTime, ct);
        await DemoWork.LoadAsync(db, programme.Id, ct);
        await pilot.LoadAsync(organisation.Id, coordinatorId, researcherId, ct);
        await DemoFreeText.LoadAsync(db, programme.Id, clock.GetUtcNow().UtcDateTime, ct);
        await DemoPatientMentors.LoadAsync(db, users, organisation.Id, coordinatorId, clock.GetUtcNow().UtcDateTime, ct);
        log.LogWarning("Demo data loaded: {Accounts} accounts share the published demo password", People.Count);
    }
}
