using Microsoft.EntityFrameworkCore;
using Upward.Core.Designs;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Demo;
using Upward.Web.Pages.Questionnaires;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Waitlist;

/// <summary>
/// A fresh one-phase programme in the demo organisation, before anyone has answered: the demo's
/// coordinator, researcher and facilitator; mentor1–3 as mentors; mentee1–5 and mentor4 as its six
/// mentees, every one agreeing to take part and to the use of their answers; the built-in questionnaires.
/// </summary>
internal static class WaitlistProgramme
{
    public static readonly string[] Mentees = ["mentee1", "mentee2", "mentee3", "mentee4", "mentee5", "mentor4"];

    public static async Task<Guid> CreateAsync(UpwardFactory factory, string name)
    {
        var demoId = await factory.ProgrammeIdAsync();
        return await factory.WithDbAsync(async db =>
        {
            var demo = await db.Programmes.SingleAsync(p => p.Id == demoId);
            var programme = Programme.FromTemplate(ProgrammeTemplate.For(ProgrammeType.DigitalSkills), demo.OrganisationId, name);
            db.Programmes.Add(programme);
            int n = 0;
            async Task EnrolAsync(string who, ProgrammeRole role, string prefix)
            {
                var user = await db.Users.Where(u => u.Email == DemoProgramme.EmailOf(who)).Select(u => u.Id).SingleAsync();
                var enrolment = new Enrolment { ProgrammeId = programme.Id, UserId = user, Role = role, Status = EnrolmentStatus.Consented, ParticipantCode = $"{prefix}-{++n:00}" };
                db.Enrolments.Add(enrolment);
                foreach (var purpose in new[] { ConsentPurpose.TakePart, ConsentPurpose.UseAnswersInEvaluation })
                {
                    db.ConsentDecisions.Add(new ConsentDecision { EnrolmentId = enrolment.Id, Purpose = purpose, Given = true, TextVersion = 1, DecidedAtUtc = DateTime.UtcNow });
                }
            }
            await EnrolAsync("coordinator", ProgrammeRole.Coordinator, "CO");
            await EnrolAsync("researcher", ProgrammeRole.Researcher, "RE");
            await EnrolAsync("facilitator", ProgrammeRole.Facilitator, "FA");
            foreach (var mentor in new[] { "mentor1", "mentor2", "mentor3" }) await EnrolAsync(mentor, ProgrammeRole.Mentor, "MR");
            foreach (var mentee in Mentees) await EnrolAsync(mentee, ProgrammeRole.Mentee, "ME");
            await BuiltInWaves.AddAsync(db, programme, CancellationToken.None);
            await db.SaveChangesAsync();
            return programme.Id;
        });
    }

    /// <summary>
    /// Submitted mentees' answers to the primary outcome ("awareness", every domain rated alike) once the arms
    /// are drawn: the start-now arm 2 before and <paramref name="nowAfter"/> after, the start-later arm 3
    /// before and <paramref name="laterAgain"/> at the end of waiting, each arm in participant-code order.
    /// </summary>
    public static Task AnswerByArmAsync(UpwardFactory factory, Guid programmeId, int[] nowAfter, int[] laterAgain) => factory.WithDbAsync(async db =>
    {
        var arms = await db.ArmAssignments.Where(a => a.ProgrammeId == programmeId)
            .Join(db.Enrolments, a => a.EnrolmentId, e => e.Id, (a, e) => new { a.EnrolmentId, a.Arm, e.ParticipantCode }).ToListAsync();
        Task AnswerAsync(Guid enrolment, Stage stage, int rating) => AddAwarenessAsync(db, programmeId, enrolment, stage, rating);
        int n = 0, l = 0;
        foreach (var person in arms.OrderBy(a => a.ParticipantCode, StringComparer.Ordinal))
        {
            if (person.Arm == Arm.StartNow)
            {
                await AnswerAsync(person.EnrolmentId, Stage.Before, 2);
                await AnswerAsync(person.EnrolmentId, Stage.After, nowAfter[n++]);
            }
            else
            {
                await AnswerAsync(person.EnrolmentId, Stage.Before, 3);
                await AnswerAsync(person.EnrolmentId, Stage.BeforeAgain, laterAgain[l++]);
            }
        }
        await db.SaveChangesAsync();
    });

    /// <summary>
    /// A mentee's submitted questionnaire of the stage with the primary outcome ("awareness") rated alike in every
    /// domain: added to <paramref name="db"/>, saved by the caller.
    /// </summary>
    public static async Task AddAwarenessAsync(UpwardDbContext db, Guid programmeId, Guid enrolmentId, Stage stage, int rating)
    {
        var domains = await db.ProgrammeDomains.Where(d => d.ProgrammeId == programmeId).Select(d => d.Id).ToListAsync();
        var wave = await db.Waves.SingleAsync(w => w.ProgrammeId == programmeId && w.Audience == ProgrammeRole.Mentee && w.Stage == stage);
        var item = await db.Set<InstrumentItem>().SingleAsync(i => i.InstrumentId == wave.InstrumentId && i.Key == "awareness");
        var at = new DateTime(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);
        var response = new Response { WaveId = wave.Id, EnrolmentId = enrolmentId, InstrumentId = wave.InstrumentId, Status = ResponseStatus.Submitted, StartedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at };
        db.Responses.Add(response);
        foreach (var domain in domains)
        {
            db.Answers.Add(new Answer { ResponseId = response.Id, ItemId = item.Id, DomainId = domain, Number = rating });
        }
    }

    /// <summary>The enrolment of a demo person in the programme.</summary>
    public static Task<Enrolment> EnrolmentAsync(UpwardFactory factory, Guid programmeId, string who) =>
        factory.WithDbAsync(db => db.Enrolments
            .Where(e => e.ProgrammeId == programmeId && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf(who)))
            .SingleAsync());
}
