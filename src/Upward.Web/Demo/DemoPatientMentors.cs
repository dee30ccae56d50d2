using Microsoft.AspNetCore.Identity;
using Upward.Core.Auditing;
using Upward.Core.People;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Web.Demo;

/// <summary>
/// A third demo programme, "Patient as mentor", so a programme lead trying the demo sees issue 22's
/// features in use: a patient mentor with the safeguarding contact on their pages, preparation part
/// done (readiness then says what is missing), an expenses claim, the mentees' module done by the
/// mentee, and colleague (360°) feedback turned on. It has people of its own, so the pilot-shaped
/// programme the other demo accounts take part in is unchanged.
/// </summary>
internal static class DemoPatientMentors
{
    public const string ProgrammeName = "Patients as mentors: outpatient experience";

    /// <summary>Its own sign-ins, beside <see cref="DemoProgramme.People"/>: the patient mentor and the consultant they mentor.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, ProgrammeRole Role)> People =
    [
        ("patient1", "Margaret Hughes", ProgrammeRole.Mentor),
        ("consultant1", "Dr Lucy Park", ProgrammeRole.Mentee),
    ];

    public const string SafeguardingContact = "Sam Okoro, adult safeguarding lead, 020 7946 0000 (weekdays 9 to 5)";

    public static async Task LoadAsync(UpwardDbContext db, UserManager<UpwardUser> users, Guid organisationId, Guid coordinatorUserId, DateTime now, CancellationToken ct)
    {
        var programme = Programme.FromTemplate(ProgrammeTemplate.PatientAsMentor, organisationId, ProgrammeName);
        programme.Status = ProgrammeStatus.Recruiting;
        db.Programmes.Add(programme);
        db.Enrolments.Add(new Enrolment
        {
            ProgrammeId = programme.Id, UserId = coordinatorUserId, Role = ProgrammeRole.Coordinator, Status = EnrolmentStatus.Consented,
            ParticipantCode = ParticipantCode.For(ProgrammeRole.Coordinator, 1),
        });
        var enrolments = new Dictionary<string, Enrolment>();
        foreach (var (localPart, name, role) in People)
        {
            var user = new UpwardUser { UserName = DemoProgramme.EmailOf(localPart), Email = DemoProgramme.EmailOf(localPart), DisplayName = name, OrganisationId = organisationId, EmailConfirmed = true };
            var created = await users.CreateAsync(user, DemoProgramme.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo account {localPart}: {created.Errors.First().Description}");
            }
            var enrolment = new Enrolment
            {
                ProgrammeId = programme.Id, UserId = user.Id, Role = role, Status = EnrolmentStatus.Consented, ParticipantCode = ParticipantCode.For(role, 1),
            };
            db.Enrolments.Add(enrolment);
            enrolments[localPart] = enrolment;
            foreach (var text in ConsentText.Current)
            {
                db.ConsentDecisions.Add(new ConsentDecision { EnrolmentId = enrolment.Id, Purpose = text.Purpose, TextVersion = text.Version, DecidedAtUtc = now, Given = true });
            }
        }

        db.PreparationSettings.Add(new PreparationSettings
        {
            ProgrammeId = programme.Id, AllocationWaitsForReadiness = true, SafeguardingContact = SafeguardingContact, ColleagueInputEnabled = true,
        });
        db.PreparationModules.AddRange(BuiltInModules.All.Select(m => new PreparationModule
        {
            ProgrammeId = programme.Id, Key = m.Key, Position = m.Position, Audience = m.Audience, Version = 1, Markdown = m.Markdown, CreatedAtUtc = now,
        }));
        // The patient mentor has done three of their five modules, so the readiness page has something to say.
        var patient = enrolments["patient1"];
        foreach (var (key, daysAgo) in new[] { ("reverse-mentoring", 9), ("feedback-upward", 6), ("patient-mentors", 2) })
        {
            db.ModuleCompletions.Add(new ModuleCompletion { ProgrammeId = programme.Id, EnrolmentId = patient.Id, ModuleKey = key, ModuleVersion = 1, CompletedAtUtc = now.AddDays(-daysAgo) });
        }
        db.ModuleCompletions.Add(new ModuleCompletion { ProgrammeId = programme.Id, EnrolmentId = enrolments["consultant1"].Id, ModuleKey = "for-mentees", ModuleVersion = 1, CompletedAtUtc = now.AddDays(-3) });
        db.ExpenseClaims.Add(new ExpenseClaim
        {
            ProgrammeId = programme.Id, EnrolmentId = patient.Id, AmountPence = 840, Purpose = "Parking at the hospital for the induction",
            IncurredOn = DateOnly.FromDateTime(now.AddDays(-9)), Status = ExpenseStatus.Submitted, SubmittedAtUtc = now.AddDays(-8),
        });
        db.Audit(AuditAction.DemoLoaded, actorUserId: null, organisationId, programme.Id);
        await db.SaveChangesAsync(ct);
    }
}
