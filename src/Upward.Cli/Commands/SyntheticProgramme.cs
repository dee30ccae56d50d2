using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Organisations;
using Upward.Core.People;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;
using Upward.Core.Themes;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Cli.Commands;

/// <summary>
/// A made-up programme of any size in a new organisation, for benchmarks and demonstrations: people
/// with consent, departments and topics; willingness; a pair for nine mentors in ten (while mentees last),
/// each with one session held and one agreed; a submitted response to every questionnaire of every stage; themes,
/// and codings of one free-text answer in three. Written in batches with change tracking cleared
/// between them, so 5,000 + 5,000 takes minutes, not hours.
/// </summary>
internal sealed class SyntheticProgramme(UpwardDbContext db, TimeProvider clock)
{
    private const int Batch = 5_000;

    /// <summary>How many mentees each mentor says whether they are willing to mentor (the whole matrix of 5,000 × 5,000 would be 25 million rows).</summary>
    public const int WillingnessPerMentor = 10;

    private static readonly string[] Departments = ["Emergency department", "Acute medical unit", "Surgical assessment unit", "Outpatients", "Theatres"];
    private static readonly string[] Specialties = ["Emergency medicine", "Acute medicine", "General surgery", "Anaesthetics", "Paediatrics"];
    private static readonly string[] Comments =
    [
        "Juniors see things on the ward that seniors never do: a different perspective worth having.",
        "The hierarchy is still there, but talking it through as a group made it feel less risky.",
        "It gave me new ideas for how our handover teaching could run.",
        "Seeing the job from the other side was eye-opening.",
        "Only keen consultants volunteer, so the results may look better than they would across the department.",
    ];
    private static readonly string[] ThemeNames = ["Hierarchy", "A different perspective", "New ideas", "Who volunteers"];

    public sealed record Result(string OrganisationName, string ProgrammeName, string EmailDomain, string Password, int Mentors, int Mentees, int Pairs);

    private int _pending;
    private readonly DateTime _now = clock.GetUtcNow().UtcDateTime;

    public async Task<Result> CreateAsync(int mentors, int mentees, TextWriter progress, CancellationToken ct)
    {
        var tag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var domain = $"seed-{tag}.upward.example";
        // One password for every account of this programme, made for this run and printed once; hashed
        // once (the hash is the slow part), since these are synthetic accounts.
        var password = "seed-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');
        var hash = new PasswordHasher<UpwardUser>().HashPassword(new UpwardUser { DisplayName = "seed" }, password);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var organisation = new Organisation { Name = $"Synthetic Trust {tag}" };
        var programme = Programme.FromTemplate(ProgrammeTemplate.ClinicalFeedback, organisation.Id, $"Synthetic programme {tag} ({mentors:N0} mentors, {mentees:N0} mentees)");
        programme.Status = ProgrammeStatus.Running;
        programme.Departments = [.. Departments];
        programme.Specialties = [.. Specialties];
        db.Organisations.Add(organisation);
        db.Programmes.Add(programme);
        db.PhaseOneSettings.Add(new PhaseOneSettings { ProgrammeId = programme.Id, Mode = FeedbackMode.Group, MenteeMaySeeBrief = true, MenteesMayChooseMentors = true });
        var domains = programme.Domains.OrderBy(d => d.Position).Select(d => d.Id).ToList();
        var adminRole = await AdminRoleAsync(ct);
        await FlushAsync(ct);

        // People: the staff of the programme, then the mentors and mentees.
        var staff = new (string Local, string Name, ProgrammeRole? Role)[]
        {
            ("admin", "Synthetic administrator", null), ("coordinator", "Synthetic coordinator", ProgrammeRole.Coordinator),
            ("facilitator", "Synthetic facilitator", ProgrammeRole.Facilitator), ("researcher", "Synthetic researcher", ProgrammeRole.Researcher),
        };
        Guid researcher = Guid.Empty;
        foreach (var (local, name, role) in staff)
        {
            var user = User(local, name);
            if (role is null) db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = adminRole });
            else
            {
                var enrolment = Enrol(user, role.Value, 1, 0);
                if (role == ProgrammeRole.Researcher) researcher = enrolment.Id;
            }
        }
        var mentorIds = new List<Guid>(mentors);
        var menteeIds = new List<Guid>(mentees);
        for (var i = 1; i <= mentors; i++)
        {
            mentorIds.Add(Enrol(User($"mentor{i}", $"Synthetic mentor {i}"), ProgrammeRole.Mentor, i, i).Id);
            await CountAsync(1 + 1 + ConsentText.Current.Count, ct);
        }
        for (var i = 1; i <= mentees; i++)
        {
            menteeIds.Add(Enrol(User($"mentee{i}", $"Synthetic mentee {i}"), ProgrammeRole.Mentee, i, mentors + i).Id);
            await CountAsync(1 + 1 + ConsentText.Current.Count, ct);
        }
        await FlushAsync(ct);
        progress.WriteLine($"  {mentors + mentees + staff.Length:N0} accounts and enrolments");

        // Willingness: each mentor about a handful of mentees, unwilling for one in five.
        if (mentees > 0)
        {
            for (var i = 0; i < mentors; i++)
            {
                for (var k = 0; k < Math.Min(WillingnessPerMentor, mentees); k++)
                {
                    db.Willingness.Add(new Willingness
                    {
                        ProgrammeId = programme.Id, MentorEnrolmentId = mentorIds[i], MenteeEnrolmentId = menteeIds[(i + k) % mentees],
                        Willing = k % 5 != 4, RecordedAtUtc = _now.AddDays(-40),
                    });
                    await CountAsync(1, ct);
                }
            }
        }

        // Pairs, each with a session held and one agreed. One mentee and one mentor in ten are left to be
        // paired (late joiners), so the allocation page has a waiting table and a preview has work to do.
        var pairs = Math.Min(mentors, mentees) - Math.Min(mentors, mentees) / 10;
        for (var i = 0; i < pairs; i++)
        {
            var pairing = new Pairing
            {
                ProgrammeId = programme.Id, MentorEnrolmentId = mentorIds[i], MenteeEnrolmentId = menteeIds[i], CreatedAtUtc = _now.AddDays(-30),
                Reason = "Synthetic pairing",
            };
            db.Pairings.Add(pairing);
            db.MentoringSessions.Add(new MentoringSession
            {
                PairingId = pairing.Id, Number = 1, StartsAtUtc = _now.AddDays(-14), TimeLimitMinutes = 60, Place = "Seminar room 2",
                Status = SessionStatus.Held, ProposedBy = SessionSide.Mentor, AgreedAtUtc = _now.AddDays(-20), HeldRecordedAtUtc = _now.AddDays(-13), MinutesTaken = 55,
            });
            db.MentoringSessions.Add(new MentoringSession
            {
                PairingId = pairing.Id, Number = 2, StartsAtUtc = _now.AddDays(7), TimeLimitMinutes = 60, Place = "Library, first floor",
                Status = SessionStatus.Agreed, ProposedBy = SessionSide.Mentee, AgreedAtUtc = _now.AddDays(-2),
            });
            await CountAsync(3, ct);
        }
        await FlushAsync(ct);
        progress.WriteLine($"  {pairs:N0} pairs with {2 * pairs:N0} sessions");

        // Every questionnaire of every stage, answered and submitted by everyone in its audience.
        var themes = ThemeNames.Select(n => new Theme { ProgrammeId = programme.Id, Name = n, CreatedAtUtc = _now.AddDays(-5) }).ToList();
        db.Themes.AddRange(themes);
        var responses = 0;
        var freeText = 0;
        foreach (var builtIn in BuiltInInstruments.For(programme.Type))
        {
            var instrument = builtIn.CreateFor(programme.Id);
            db.Instruments.Add(instrument);
            var wave = new Wave { ProgrammeId = programme.Id, InstrumentId = instrument.Id, Audience = builtIn.Audience, Stage = builtIn.Stage };
            wave.Open(_now.AddDays(-10));
            db.Waves.Add(wave);
            await FlushAsync(ct);
            var audience = builtIn.Audience == ProgrammeRole.Mentor ? mentorIds : menteeIds;
            for (var p = 0; p < audience.Count; p++)
            {
                var response = new Response
                {
                    WaveId = wave.Id, EnrolmentId = audience[p], InstrumentId = instrument.Id, Status = ResponseStatus.Submitted,
                    StartedAtUtc = _now.AddDays(-3), UpdatedAtUtc = _now.AddDays(-3), SubmittedAtUtc = _now.AddDays(-3),
                };
                db.Responses.Add(response);
                responses++;
                var rows = 1;
                foreach (var item in instrument.Items)
                {
                    foreach (var answer in AnswersTo(item, response.Id, domains, p))
                    {
                        db.Answers.Add(answer);
                        rows++;
                        if (item.Type == ItemType.FreeText && freeText++ % 3 == 0)
                        {
                            db.Codings.Add(new Coding
                            {
                                ProgrammeId = programme.Id, AnswerId = answer.Id, ThemeId = themes[p % themes.Count].Id, CoderEnrolmentId = researcher, CodedAtUtc = _now.AddDays(-1),
                            });
                            rows++;
                        }
                    }
                }
                await CountAsync(rows, ct);
            }
        }
        db.Audit(AuditAction.SyntheticProgrammeSeeded, actorUserId: null, organisation.Id, programme.Id, detail: $"{mentors} mentors, {mentees} mentees");
        await FlushAsync(ct);
        progress.WriteLine($"  {responses:N0} submitted questionnaire responses, {freeText:N0} free-text answers, one in three coded");
        return new Result(organisation.Name, programme.Name, domain, password, mentors, mentees, pairs);

        UpwardUser User(string local, string name)
        {
            var email = $"{local}@{domain}";
            var user = new UpwardUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = name, OrganisationId = organisation.Id, PasswordHash = hash, LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            return user;
        }

        Enrolment Enrol(UpwardUser user, ProgrammeRole role, int number, int i)
        {
            var enrolment = new Enrolment
            {
                ProgrammeId = programme.Id, UserId = user.Id, Role = role, Status = EnrolmentStatus.Consented, ParticipantCode = ParticipantCode.For(role, number),
                Department = Departments[i % Departments.Length], Specialty = Specialties[(i + 1) % Specialties.Length],
                TopicDomainIds = [domains[i % domains.Count], domains[(i + 2) % domains.Count]],
            };
            db.Enrolments.Add(enrolment);
            foreach (var text in ConsentText.Current)
            {
                db.ConsentDecisions.Add(new ConsentDecision { EnrolmentId = enrolment.Id, Purpose = text.Purpose, TextVersion = text.Version, Given = true, DecidedAtUtc = _now.AddDays(-60) });
            }
            return enrolment;
        }
    }

    private static IEnumerable<Answer> AnswersTo(InstrumentItem item, Guid responseId, List<Guid> domains, int p) => item.Type switch
    {
        ItemType.DomainGrid => domains.Select((d, i) => new Answer { ResponseId = responseId, ItemId = item.Id, DomainId = d, Number = 1 + (i + p) % 5 }),
        ItemType.Scale => [new Answer { ResponseId = responseId, ItemId = item.Id, Number = 1 + p % 5 }],
        ItemType.YesNo => [p % 4 == 0
            ? new Answer { ResponseId = responseId, ItemId = item.Id, Number = 1, Text = Comments[p % Comments.Length] }
            : new Answer { ResponseId = responseId, ItemId = item.Id, Number = 0 }],
        ItemType.SingleChoice => item.Choices.Count == 0 ? [] : [new Answer { ResponseId = responseId, ItemId = item.Id, Number = 1 + p % item.Choices.Count }],
        ItemType.Minutes => [new Answer { ResponseId = responseId, ItemId = item.Id, Number = 30 + p % 60 }],
        ItemType.FreeText => [new Answer { ResponseId = responseId, ItemId = item.Id, Text = Comments[p % Comments.Length] }],
        _ => [],
    };

    private async Task<Guid> AdminRoleAsync(CancellationToken ct)
    {
        var existing = await db.Roles.Where(r => r.Name == UpwardRoles.OrganisationAdmin).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        if (existing is { } id) return id;
        var role = new IdentityRole<Guid>(UpwardRoles.OrganisationAdmin) { Id = Guid.NewGuid(), NormalizedName = UpwardRoles.OrganisationAdmin.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() };
        db.Roles.Add(role);
        return role.Id;
    }

    private async Task CountAsync(int rows, CancellationToken ct)
    {
        _pending += rows;
        if (_pending >= Batch) await FlushAsync(ct);
    }

    /// <summary>Writes what is pending in one transaction and forgets it, so the change tracker stays small.</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        _pending = 0;
    }
}
