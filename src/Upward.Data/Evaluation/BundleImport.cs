using Microsoft.AspNetCore.Identity;
using Upward.Core.Auditing;
using Upward.Core.Bundles;
using Upward.Core.Designs;
using Upward.Core.Evaluation;
using Upward.Core.People;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Data.Evaluation;

/// <summary>
/// Imports a research bundle as a new programme (for example a pilot run elsewhere, or a restore),
/// so that exporting it again gives the same bundle. Participants become placeholder accounts
/// named by their codes that can never sign in: the bundle holds nobody's identity.
/// </summary>
public sealed class BundleImport(UpwardDbContext db, UserManager<UpwardUser> users, TimeProvider clock)
{
    /// <summary>Imports all of the bundle or, if anything fails, none of it.</summary>
    /// <exception cref="InvalidOperationException">The bundle does not fit this database: check <see cref="BundleFit"/> first.</exception>
    /// <param name="coordinatorUserId">Who will coordinate the new programme (the person importing it), if anyone.</param>
    public async Task<Programme> ImportAsync(ResearchBundle bundle, Guid organisationId, Guid? actorUserId, CancellationToken ct, Guid? coordinatorUserId = null)
    {
        if (BundleFit.Problems(bundle, db.Model, most: 1) is [var problem])
        {
            throw new InvalidOperationException($"The bundle does not fit this database: {problem}");
        }
        // Placeholder accounts are saved as they are made, so one transaction keeps a failure from leaving half a programme.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var type = Enum.GetValues<ProgrammeType>().FirstOrDefault(t => BundleExport.TypeName(t) == bundle.Programme.Type, ProgrammeType.ClinicalFeedback);
        var programme = new Programme
        {
            Name = bundle.Programme.Name,
            Type = type,
            OrganisationId = organisationId,
            Status = ProgrammeStatus.Evaluating,
            AnonymityThreshold = bundle.Programme.AnonymityThreshold,
            TimeZone = bundle.Programme.TimeZone,
            SessionTimeLimitMinutes = bundle.Programme.SessionTimeLimitMinutes ?? 60,
            SessionsPerPair = bundle.Programme.SessionsPerPair,
        };
        foreach (var d in bundle.Programme.Domains)
        {
            programme.Domains.Add(new ProgrammeDomain { ProgrammeId = programme.Id, Position = d.Position, Name = d.Name });
        }
        if (coordinatorUserId is { } coordinator)
        {
            programme.Enrolments.Add(new Enrolment
            {
                ProgrammeId = programme.Id, UserId = coordinator, Role = ProgrammeRole.Coordinator, Status = EnrolmentStatus.Consented,
                ParticipantCode = ParticipantCode.For(ProgrammeRole.Coordinator, 1),
            });
        }
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);

        var enrolments = new Dictionary<string, Enrolment>();
        foreach (var p in bundle.Participants)
        {
            var user = new UpwardUser
            {
                UserName = $"imported-{programme.Id:N}-{p.Code}",
                // Identity insists on a unique email; .invalid can never receive mail.
                Email = $"{p.Code.ToLowerInvariant()}.{programme.Id:N}@imported.invalid",
                DisplayName = $"Participant {p.Code}",
                OrganisationId = organisationId,
                // No password and locked for ever: a placeholder, not a person who can sign in.
                LockoutEnabled = true,
                LockoutEnd = DateTimeOffset.MaxValue,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) throw new InvalidOperationException($"Could not create the placeholder for {p.Code}: {created.Errors.First().Description}");
            var enrolment = new Enrolment
            {
                ProgrammeId = programme.Id,
                UserId = user.Id,
                Role = p.Role == BundleRole.Mentee ? ProgrammeRole.Mentee : ProgrammeRole.Mentor,
                ParticipantCode = p.Code,
                Status = p.WithdrawnAtStage is null ? EnrolmentStatus.Consented : EnrolmentStatus.Withdrawn,
                WithdrawalChoice = p.WithdrawnAtStage is null ? null : WithdrawalChoice.KeepAnonymised,
                WithdrawnAtUtc = p.WithdrawnAtStage is null ? null : now,
                WithdrawnAtStage = p.WithdrawnAtStage is { } stage ? Enum.Parse<Stage>(stage.ToString()) : null,
                Demographics = new DemographicBands
                {
                    Gender = p.Demographics.Gender, AgeBand = p.Demographics.AgeBand, StaffGroup = p.Demographics.StaffGroup,
                    Grade = p.Demographics.Grade, YearsInRole = p.Demographics.YearsInRole, PriorMentoring = p.Demographics.PriorMentoring,
                },
                CreatedAtUtc = now,
            };
            db.Enrolments.Add(enrolment);
            // The bundle holds only the data of people who agreed to its use in the evaluation.
            foreach (var purpose in new[] { ConsentPurpose.TakePart, ConsentPurpose.UseAnswersInEvaluation })
            {
                db.ConsentDecisions.Add(new ConsentDecision { EnrolmentId = enrolment.Id, Purpose = purpose, Given = true, TextVersion = ConsentText.For(purpose).Version, DecidedAtUtc = now });
            }
            enrolments[p.Code] = enrolment;
        }

        // Version 3: the programme's own plan and a waitlist's randomisation come with it. The draw is
        // history by now, so it is taken as told and the later arm as started.
        if (bundle.Plan is { } plan)
        {
            db.AnalysisPlans.Add(new StoredAnalysisPlan { ProgrammeId = programme.Id, Json = plan.CanonicalJson(), SavedAtUtc = now });
        }
        if (bundle.RandomisationSeed is long seed)
        {
            // A stepped wedge's steps come with their dates, each taken as started; the department
            // names are not in the bundle, so no department's step is recorded.
            bool wedge = bundle.Steps.Count > 0;
            db.WaitlistAllocations.Add(new WaitlistAllocation
            {
                ProgrammeId = programme.Id, Seed = seed, AllocatedAtUtc = now, ReleasedAtUtc = now, LaterArmStartedAtUtc = wedge ? null : now,
                Design = wedge ? Core.Evaluation.AnalysisPlan.SteppedWedge : Core.Evaluation.AnalysisPlan.WaitlistControl,
                Unit = bundle.RandomisedUnit,
                WeeksBetweenSteps = bundle.Steps.Count > 1 ? (bundle.Steps[1].StartsOn.DayNumber - bundle.Steps[0].StartsOn.DayNumber) / 7 : null,
            });
            foreach (var step in bundle.Steps)
            {
                db.DesignSteps.Add(new DesignStep { ProgrammeId = programme.Id, Number = step.Number, StartsOn = step.StartsOn, StartedAtUtc = now, StartedBy = "import" });
            }
            foreach (var p in bundle.Participants.Where(p => p.Arm is not null || p.Step is not null))
            {
                db.ArmAssignments.Add(new ArmAssignment { ProgrammeId = programme.Id, EnrolmentId = enrolments[p.Code].Id, Step = p.Step ?? (p.Arm == Arm.StartNow ? 1 : 2) });
            }
        }

        var domainIds = programme.Domains.ToDictionary(d => d.Position, d => d.Id);
        var instruments = new Dictionary<(string, int), (Instrument Instrument, Wave Wave)>();
        var waves = new Dictionary<(ProgrammeRole, Stage), Wave>();
        foreach (var bi in bundle.Instruments)
        {
            var instrument = new Instrument { ProgrammeId = programme.Id, Key = bi.Key, Version = bi.Version, Title = bi.Key };
            var position = 0;
            foreach (var item in bi.Items)
            {
                instrument.Items.Add(new InstrumentItem
                {
                    InstrumentId = instrument.Id, Position = ++position, Key = item.Key, Type = (ItemType)(int)item.Type,
                    Text = item.Text, Choices = [.. item.Choices ?? []], ScoreName = item.Score, Optional = true,
                });
            }
            // Upward asks each group one wave at each stage, but a wave's questionnaire may have been
            // replaced by a new version after some answered: a programme's own export then carries two
            // questionnaires for one stage. They share the wave; each answer keeps its own version, and the
            // wave asks the last one (the export lists the wave's current questionnaire last).
            var audience = bi.Audience == BundleRole.Mentee ? ProgrammeRole.Mentee : ProgrammeRole.Mentor;
            var stage = Enum.Parse<Stage>(bi.Stage.ToString());
            if (waves.TryGetValue((audience, stage), out var wave))
            {
                wave.InstrumentId = instrument.Id;
            }
            else
            {
                wave = new Wave { ProgrammeId = programme.Id, InstrumentId = instrument.Id, Audience = audience, Stage = stage };
                wave.Open(now);
                wave.Close(now);
                db.Waves.Add(wave);
                waves[(audience, stage)] = wave;
            }
            db.Instruments.Add(instrument);
            instruments[(bi.Key, bi.Version)] = (instrument, wave);
        }

        var textAnswers = new Dictionary<BundleAnswerReference, Guid>();
        foreach (var group in bundle.Answers.GroupBy(a => (a.Participant, a.Instrument, a.InstrumentVersion)))
        {
            var (instrument, wave) = instruments[(group.Key.Instrument, group.Key.InstrumentVersion)];
            var response = new Response
            {
                WaveId = wave.Id, EnrolmentId = enrolments[group.Key.Participant].Id, InstrumentId = instrument.Id,
                Status = ResponseStatus.Submitted, SubmittedAtUtc = now,
            };
            db.Responses.Add(response);
            var items = instrument.Items.ToDictionary(i => i.Key);
            foreach (var a in group)
            {
                var answer = new Answer
                {
                    ResponseId = response.Id, ItemId = items[a.Item].Id,
                    DomainId = a.Domain is { } position ? domainIds[position] : Guid.Empty,
                    Number = a.Number is { } n ? (int)n : null, Text = a.Text,
                };
                db.Answers.Add(answer);
                if (a.Text is not null && a.Domain is null) textAnswers[new BundleAnswerReference(a.Participant, a.Instrument, a.InstrumentVersion, a.Item)] = answer.Id;
            }
        }

        foreach (var w in bundle.Willingness)
        {
            db.Willingness.Add(new Willingness { ProgrammeId = programme.Id, MentorEnrolmentId = enrolments[w.Mentor].Id, MenteeEnrolmentId = enrolments[w.Mentee].Id, Willing = w.Willing, RecordedAtUtc = now });
        }
        var pairings = new Dictionary<(string, string), Pairing>();
        foreach (var p in bundle.Pairs)
        {
            var pairing = new Pairing
            {
                ProgrammeId = programme.Id, MentorEnrolmentId = enrolments[p.Mentor].Id, MenteeEnrolmentId = enrolments[p.Mentee].Id,
                CreatedAtUtc = now, Reason = "Imported from a research bundle.", Status = p.Ended ? PairingStatus.Ended : PairingStatus.Active,
                EndedAtUtc = p.Ended ? now : null, MentorAcceptedGroundRulesAtUtc = now, MenteeAcceptedGroundRulesAtUtc = now,
            };
            db.Pairings.Add(pairing);
            pairings[(p.Mentor, p.Mentee)] = pairing;
        }
        foreach (var s in bundle.Sessions)
        {
            db.MentoringSessions.Add(new MentoringSession
            {
                PairingId = pairings[(s.Mentor, s.Mentee)].Id, Number = s.Number, StartsAtUtc = now, TimeLimitMinutes = programme.SessionTimeLimitMinutes,
                Status = s.Held ? SessionStatus.Held : SessionStatus.Agreed, MinutesTaken = s.Minutes is { } m ? (int)m : null,
                TimeFelt = s.TimeFelt is { } felt ? (Upward.Core.Sessions.TimeFelt)(int)felt : null, HeldRecordedAtUtc = s.Held ? now : null,
            });
        }
        await BundleContentImport.AddAsync(db, users, programme, bundle, enrolments, textAnswers, now);
        db.Audit(AuditAction.BundleImported, actorUserId, organisationId, programme.Id, $"programme:{programme.Id}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return programme;
    }
}
