using Microsoft.EntityFrameworkCore;
using Upward.Core.Colleagues;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;
using Upward.Core.Timeline;
using Upward.Data;
using Upward.Web.Pages.Colleagues;
using Upward.Web.Pages.PhaseOne;
using Upward.Web.Pages.Questionnaires;
using Upward.Web.Pages.Sessions;

using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

/// <summary>
/// Builds the programme page's task list for one person from the database: the steps of the method
/// in order for the programme's type, each with its status and figures, and only the links the
/// person's roles and the programme's settings make useful. Figures are counts of who has done
/// something (as the people board and the questionnaires page already show coordinators), never
/// what anyone answered, so they need no small-number suppression.
/// </summary>
public sealed class ProgrammeTaskListQuery(UpwardDbContext db, TimeProvider clock, PageLinks pages)
{
    // Places in the method, so steps from different sources sort into one order.
    private const int SetUp = 5, Recruitment = 10, Willingness = 30, GroupFeedback = 35, Allocation = 50, Sessions = 70, Evaluation = 90, FreeText = 95, Concerns = 97;

    private static int OrderOf(Stage stage) => stage switch
    {
        Stage.BeforePhase1 or Stage.Before => 20,
        Stage.AfterPhase1 => 40,
        Stage.BeforePhase2 => 60,
        // The waiting list answers before again as the others answer after, just ahead of its own after.
        Stage.BeforeAgain => 75,
        _ => 80,
    };

    public async Task<ProgrammeTaskList> ForAsync(Programme programme, IReadOnlyList<ProgrammeRole> roles, bool isAdmin, Guid userId, CancellationToken ct)
    {
        bool May(ProgrammeCapability c) => ProgrammeAccess.Allows(c, roles, isAdmin);
        var facts = await LoadAsync(programme, userId, ct);
        var mine = new List<TaskStep>();
        var running = new List<TaskStep>();
        var links = new List<UsefulLink>();
        var id = programme.Id;
        var twoPhases = ProgrammeTemplate.For(programme.Type).Phases == 2;

        foreach (var enrolment in facts.MyEnrolments.Where(e => e.Role is ProgrammeRole.Mentor or ProgrammeRole.Mentee))
        {
            mine.AddRange(ParticipantSteps(programme, facts, enrolment, twoPhases));
        }
        if (twoPhases && roles.Contains(ProgrammeRole.Facilitator) && !May(ProgrammeCapability.Manage))
        {
            mine.Add(GroupFeedbackStep(programme, facts, pages.Programme(id, "/PhaseOne/Index")));
        }
        if (roles.Contains(ProgrammeRole.Researcher))
        {
            mine.Add(EvaluationStep(programme, pages.Programme(id, "/Evaluation/Index"), "Read the evaluation report"));
            mine.Add(new TaskStep(FreeText, "Read and code free-text answers", EvaluationStatus(programme.Status), pages.Programme(id, "/FreeText/Index"), null,
                programme.Status == ProgrammeStatus.Evaluating ? "Code the free-text answers" : null));
        }
        if (roles.Contains(ProgrammeRole.ConcernsLead))
        {
            mine.Add(await NamedLeadStepAsync(id, ct));
        }
        if (May(ProgrammeCapability.Manage))
        {
            running.AddRange(CoordinatorSteps(programme, facts, twoPhases, May));
        }

        links.AddRange(Links(programme, roles, facts, twoPhases, May));
        if ((May(ProgrammeCapability.Manage) || May(ProgrammeCapability.FacilitatePhaseOne)) && await db.ColleagueInputEnabledAsync(id, ct))
        {
            if (May(ProgrammeCapability.Manage)) running.Add(await ColleagueRequestsStepAsync(id, ct));
            if (May(ProgrammeCapability.FacilitatePhaseOne) && await ColleagueFeedbackToReadStepAsync(id, ct) is { } read)
            {
                (May(ProgrammeCapability.Manage) ? running : mine).Add(read);
            }
        }
        var next = ProgrammeTaskList.NextOf(mine, running);
        if (next is null && May(ProgrammeCapability.Manage) && ProgrammeAccess.NextStatus(programme.Status) is { } nextStatus)
        {
            // Every step is done or waiting on others: the one thing left to the coordinator is to move the programme on.
            next = new TaskStep(100, "Move the programme on", StepStatus.NotStarted, pages.Programme(id, "/Programmes/Stage"), null,
                $"Move the programme to {nextStatus.ToString().ToLowerInvariant()} when you are ready");
        }
        return new ProgrammeTaskList(mine.OrderBy(s => s.Order).ToList(), running.OrderBy(s => s.Order).ToList(), next, links);
    }

    /// <summary>The named lead's one task: the concerns sent to them that are not yet resolved.</summary>
    private async Task<TaskStep> NamedLeadStepAsync(Guid id, CancellationToken ct)
    {
        var open = await db.Concerns.CountAsync(c => c.ProgrammeId == id && c.Route == ConcernRoute.NamedLead && c.ResolvedAtUtc == null, ct);
        return open == 0
            ? new TaskStep(Concerns, "Concerns sent to you", StepStatus.Completed, pages.Programme(id, "/Sessions/Concerns"), "None open")
            : new TaskStep(Concerns, "Concerns sent to you", StepStatus.InProgress, pages.Programme(id, "/Sessions/Concerns"), open == 1 ? "1 open" : $"{open} open",
                open == 1 ? "Read and answer the open concern" : $"Read and answer the {open} open concerns");
    }

    /// <summary>Mentees' requests to invite colleagues for 360° feedback: nobody is emailed until a coordinator approves.</summary>
    private async Task<TaskStep> ColleagueRequestsStepAsync(Guid id, CancellationToken ct)
    {
        var waiting = await db.ColleagueInvitations.CountAsync(i => i.ProgrammeId == id && i.Status == ColleagueInvitationStatus.AwaitingApproval, ct);
        var href = pages.Programme(id, "/Colleagues/Requests");
        return waiting == 0
            ? new TaskStep(GroupFeedback, "Colleagues to approve for 360° feedback", StepStatus.Completed, href, "None waiting")
            : new TaskStep(GroupFeedback, "Colleagues to approve for 360° feedback", StepStatus.InProgress, href, waiting == 1 ? "1 waiting" : $"{waiting} waiting",
                waiting == 1 ? "Approve or decline the mentee's request to invite a colleague" : $"Approve or decline the {waiting} requests to invite colleagues");
    }

    /// <summary>Colleagues' comments released at k that a facilitator must read before the mentee sees them; null when there are none.</summary>
    private async Task<TaskStep?> ColleagueFeedbackToReadStepAsync(Guid id, CancellationToken ct)
    {
        var mentees = await db.AnonymousContributions
            .Where(c => c.ProgrammeId == id && c.Source == ContributionSource.Colleague && !c.ShownToMentee)
            .Select(c => c.MenteeEnrolmentId).Distinct().CountAsync(ct);
        return mentees == 0 ? null
            : new TaskStep(GroupFeedback, "Colleagues' feedback to read", StepStatus.InProgress, pages.Programme(id, "/Colleagues/Review"),
                mentees == 1 ? "For 1 mentee" : $"For {mentees} mentees", "Read colleagues' feedback before the mentee sees it");
    }

    private IEnumerable<TaskStep> ParticipantSteps(Programme programme, Facts facts, MyEnrolment me, bool twoPhases)
    {
        var id = programme.Id;
        var consented = me.Status == EnrolmentStatus.Consented;
        yield return me.Status switch
        {
            EnrolmentStatus.Consented => new TaskStep(Recruitment, "Agree to take part", StepStatus.Completed, pages.Programme(id, "/People/Consent"), "You agreed to take part"),
            EnrolmentStatus.Declined => new TaskStep(Recruitment, "Agree to take part", StepStatus.Completed, pages.Programme(id, "/People/Consent"), "You chose not to take part. You can change your mind."),
            _ => new TaskStep(Recruitment, "Agree to take part", StepStatus.NotStarted, pages.Programme(id, "/People/Consent"), null, "Say whether you will take part"),
        };

        foreach (var wave in facts.Waves.Where(w => w.Audience == me.Role && StageApplicability.AppliesTo(w.Stage, facts.MyEverPaired.Contains(me.Id), facts.MyToldTheyWait.Contains(me.Id))).OrderBy(w => OrderOf(w.Stage)).ThenBy(w => w.Stage))
        {
            ResponseStatus? response = facts.MyResponses.TryGetValue((wave.Id, me.Id), out var found) ? found : null;
            var name = $"{StageNames.Of(wave.Stage)} questionnaire";
            var lower = name.ToLowerInvariant();
            var href = pages.Programme(id, "/Questionnaires/Start", new { waveId = wave.Id });
            var step = (consented, wave.IsOpen, Started(facts, wave), response) switch
            {
                (false, _, _, _) => new TaskStep(OrderOf(wave.Stage), name, StepStatus.CannotStartYet, null, "After you agree to take part"),
                (_, _, _, ResponseStatus.Submitted) => new TaskStep(OrderOf(wave.Stage), name, StepStatus.Completed, null, "Sent"),
                (_, true, _, ResponseStatus.Draft) => new TaskStep(OrderOf(wave.Stage), name, StepStatus.InProgress, href, "Started: carry on where you left off", $"Finish the {lower}"),
                (_, true, _, _) => new TaskStep(OrderOf(wave.Stage), name, StepStatus.NotStarted, href, null, $"Answer the {lower}"),
                (_, false, false, _) => new TaskStep(OrderOf(wave.Stage), name, StepStatus.CannotStartYet, null, "Opens later in the programme"),
                _ => new TaskStep(OrderOf(wave.Stage), name, StepStatus.Closed, null, "Closed before you sent it"),
            };
            yield return wave.IsOpen && step.Status != StepStatus.Completed && facts.ClosesAt.TryGetValue(wave.Stage, out var closes) ? step with { ClosesAtUtc = closes } : step;
        }

        if (me.Role == ProgrammeRole.Mentor)
        {
            var mentees = facts.ConsentedMentees.Count(m => m != me.Id);
            var given = facts.MyWillingness;
            var status = !consented || mentees == 0 ? StepStatus.CannotStartYet : given >= mentees ? StepStatus.Completed : given > 0 ? StepStatus.InProgress : StepStatus.NotStarted;
            yield return new TaskStep(Willingness, "Whom you are willing to mentor", status,
                status == StepStatus.CannotStartYet ? null : pages.Programme(id, "/PhaseOne/Willingness"),
                status == StepStatus.CannotStartYet ? (consented ? "When mentees have agreed to take part" : "After you agree to take part") : $"Answered for {given} of {mentees} mentees",
                "Say whom you are willing to mentor");

            if (twoPhases && facts.Settings.Mode == FeedbackMode.Anonymous)
            {
                var sent = facts.MyContributions;
                var feedback = !consented || mentees == 0 ? StepStatus.CannotStartYet : sent >= mentees ? StepStatus.Completed : sent > 0 ? StepStatus.InProgress : StepStatus.NotStarted;
                yield return new TaskStep(GroupFeedback, "Anonymous feedback on each mentee", feedback,
                    feedback == StepStatus.CannotStartYet ? null : pages.Programme(id, "/PhaseOne/Contribute"),
                    feedback == StepStatus.CannotStartYet ? null : $"Sent for {sent} of {mentees} mentees",
                    "Give your anonymous feedback on the mentees");
            }
        }

        var other = me.Role == ProgrammeRole.Mentor ? "mentee" : "mentor";
        var pairing = facts.ActivePairings.FirstOrDefault(p => (me.Role == ProgrammeRole.Mentor ? p.Pairing.MentorEnrolmentId : p.Pairing.MenteeEnrolmentId) == me.Id);
        if (pairing is null)
        {
            yield return new TaskStep(Sessions, "Your pairing and sessions", StepStatus.CannotStartYet, null, "After the allocation");
        }
        else
        {
            var side = me.Role == ProgrammeRole.Mentor ? SessionSide.Mentor : SessionSide.Mentee;
            var href = pages.Programme(id, "/Sessions/Pairing");
            var held = pairing.Held;
            var figures = $"{held} of {programme.SessionsPerPair} {(programme.SessionsPerPair == 1 ? "session" : "sessions")} held";
            yield return !pairing.Pairing.AcceptedBy(side, facts.GroundRulesVersion)
                ? new TaskStep(Sessions, "Your pairing and sessions", StepStatus.NotStarted, href, figures, "Read and accept the ground rules for your sessions")
                : held >= programme.SessionsPerPair
                    ? new TaskStep(Sessions, "Your pairing and sessions", StepStatus.Completed, href, figures)
                    : new TaskStep(Sessions, "Your pairing and sessions", held > 0 || pairing.Planned ? StepStatus.InProgress : StepStatus.NotStarted, href, figures,
                        pairing.Planned ? null : $"Agree a time to meet your {other}");
        }
    }

    /// <summary>Whether a wave has been open: opened, or answered (a wave imported or loaded with answers may never have been opened here).</summary>
    private static bool Started(Facts facts, WaveFact wave) => wave.OpenedAtUtc is not null || facts.Submitted.GetValueOrDefault(wave.Id) > 0;

    private static TaskStep GroupFeedbackStep(Programme programme, Facts facts, string? href)
    {
        var mentees = facts.ConsentedMentees.Count;
        var released = facts.Briefs.Count(b => b.Released);
        var anonymous = facts.Settings.Mode == FeedbackMode.Anonymous;
        var status = mentees == 0 ? StepStatus.CannotStartYet
            : facts.Briefs.Count == 0 ? StepStatus.NotStarted
            : released >= mentees ? StepStatus.Completed
            : StepStatus.InProgress;
        var next = status switch
        {
            StepStatus.NotStarted when !anonymous => "Hold the group feedback session and write each mentee's brief",
            StepStatus.InProgress => "Review and release the feedback briefs",
            _ => null,
        };
        return new TaskStep(GroupFeedback, anonymous ? "Phase 1: anonymous feedback and briefs" : "Phase 1: group session and feedback briefs", status, href,
            mentees == 0 ? "When mentees have agreed to take part" : $"Briefs released: {released} of {mentees} mentees", next);
    }

    private static StepStatus EvaluationStatus(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Draft or ProgrammeStatus.Recruiting => StepStatus.CannotStartYet,
        ProgrammeStatus.Running => StepStatus.NotStarted,
        ProgrammeStatus.Evaluating => StepStatus.InProgress,
        _ => StepStatus.Completed,
    };

    private static TaskStep EvaluationStep(Programme programme, string? href, string action) =>
        new(Evaluation, "Evaluation", EvaluationStatus(programme.Status), EvaluationStatus(programme.Status) == StepStatus.CannotStartYet ? null : href,
            EvaluationStatus(programme.Status) == StepStatus.CannotStartYet ? "Once the programme is running" : null,
            programme.Status == ProgrammeStatus.Evaluating ? action : null);

    private IEnumerable<TaskStep> CoordinatorSteps(Programme programme, Facts facts, bool twoPhases, Func<ProgrammeCapability, bool> may)
    {
        var id = programme.Id;
        var draft = programme.Status == ProgrammeStatus.Draft;
        yield return new TaskStep(SetUp, "Set up the programme", draft ? StepStatus.InProgress : StepStatus.Completed, pages.Programme(id, "/Programmes/Settings"),
            draft ? "Settings, domains and questionnaires can change while it is a draft" : null,
            draft ? "Check the programme's set-up, then open recruitment" : null);

        var people = facts.Enrolled.Count + facts.OpenInvitations;
        var agreed = facts.Enrolled.Count(e => e.Status == EnrolmentStatus.Consented);
        var waiting = facts.Enrolled.Count(e => e.Status == EnrolmentStatus.Invited) + facts.OpenInvitations;
        var recruitment = people == 0 ? StepStatus.NotStarted
            : programme.Status >= ProgrammeStatus.Running || (waiting == 0 && agreed > 0) ? StepStatus.Completed
            : StepStatus.InProgress;
        yield return new TaskStep(Recruitment, "Recruitment and consent", recruitment, pages.Programme(id, "/People/Index"),
            people == 0 ? null : $"Consent: {agreed} of {people}",
            recruitment == StepStatus.NotStarted ? "Invite mentors and mentees"
            : waiting > 0 ? $"Follow up the {waiting} {(waiting == 1 ? "person" : "people")} who have not yet agreed to take part" : null);

        var stages = BuiltInInstruments.For(programme.Type).Select(b => b.Stage).Concat(facts.Waves.Select(w => w.Stage)).Distinct().OrderBy(s => s);
        var questionnaires = may(ProgrammeCapability.ManageQuestionnaires) ? pages.Programme(id, "/Questionnaires/Index") : null;
        foreach (var stage in stages)
        {
            var waves = facts.Waves.Where(w => w.Stage == stage).OrderBy(w => w.Audience).ToList();
            var name = $"{StageNames.Of(stage)} questionnaire";
            var lower = name.ToLowerInvariant();
            var figures = string.Join("; ", waves.Where(w => Started(facts, w)).Select(w =>
                $"{Plural(w.Audience)}: {facts.Submitted.GetValueOrDefault(w.Id)} of {facts.PutTo.GetValueOrDefault(w.Id)} answered"));
            var step = waves.Count == 0
                ? new TaskStep(OrderOf(stage), name, StepStatus.NotStarted, questionnaires, "Not added yet", "Add the standard questionnaires")
                : waves.Any(w => w.IsOpen)
                    ? new TaskStep(OrderOf(stage), name, StepStatus.InProgress, questionnaires, $"Open. {figures}", $"Close the {lower} when enough people have answered")
                    : waves.All(w => Started(facts, w))
                        ? new TaskStep(OrderOf(stage), name, StepStatus.Completed, questionnaires, $"Closed. {figures}")
                        : new TaskStep(OrderOf(stage), name, StepStatus.NotStarted, questionnaires, figures.Length == 0 ? null : figures, $"Open the {lower}");
            yield return step.Status != StepStatus.Completed && facts.ClosesAt.TryGetValue(stage, out var closes) ? step with { ClosesAtUtc = closes } : step;
        }

        var mentors = facts.Enrolled.Count(e => e.Role == ProgrammeRole.Mentor && e.Status == EnrolmentStatus.Consented);
        var mentees = facts.ConsentedMentees.Count;
        var answered = facts.MentorsWithWillingness;
        var willingness = mentors == 0 || mentees == 0 ? StepStatus.CannotStartYet : answered >= mentors ? StepStatus.Completed : answered > 0 ? StepStatus.InProgress : StepStatus.NotStarted;
        // Mentors answer this, not the coordinator: no next action.
        yield return new TaskStep(Willingness, "Mentors' willingness", willingness,
            may(ProgrammeCapability.ViewWillingness) ? pages.Programme(id, "/PhaseOne/WillingnessMatrix") : null,
            willingness == StepStatus.CannotStartYet ? "When mentors and mentees have agreed to take part" : $"{answered} of {mentors} mentors answered");

        if (twoPhases)
        {
            yield return GroupFeedbackStep(programme, facts, may(ProgrammeCapability.FacilitatePhaseOne) ? pages.Programme(id, "/PhaseOne/Index") : null);
        }

        var paired = facts.ActivePairings.Select(p => p.Pairing.MenteeEnrolmentId).Distinct().Count(m => facts.ConsentedMentees.Contains(m));
        var allocation = mentors == 0 || mentees == 0 ? StepStatus.CannotStartYet : paired == 0 ? StepStatus.NotStarted : paired >= mentees ? StepStatus.Completed : StepStatus.InProgress;
        yield return new TaskStep(Allocation, "Allocation", allocation, allocation == StepStatus.CannotStartYet ? null : pages.Programme(id, "/Allocation/Index"),
            allocation == StepStatus.CannotStartYet ? "When mentors and mentees have agreed to take part" : $"{paired} of {mentees} mentees paired",
            allocation == StepStatus.NotStarted ? "Allocate a mentor to each mentee"
            : allocation == StepStatus.InProgress ? $"Pair the {mentees - paired} {(mentees - paired == 1 ? "mentee" : "mentees")} still without a mentor" : null);

        var pairs = facts.ActivePairings.Count;
        var done = facts.ActivePairings.Count(p => p.Held >= programme.SessionsPerPair);
        var sessions = pairs == 0 ? StepStatus.CannotStartYet : done >= pairs ? StepStatus.Completed : facts.ActivePairings.Any(p => p.Held > 0) ? StepStatus.InProgress : StepStatus.NotStarted;
        // The pairs arrange their own sessions; the people board shows where each pair is.
        yield return new TaskStep(Sessions, "One-to-one sessions", sessions, pairs == 0 ? null : pages.Programme(id, "/People/Index"),
            pairs == 0 ? "After the allocation" : $"{done} of {pairs} {(pairs == 1 ? "pair has" : "pairs have")} held {(programme.SessionsPerPair == 1 ? "their session" : $"all {programme.SessionsPerPair} sessions")}");

        yield return EvaluationStep(programme, may(ProgrammeCapability.ViewEvaluation) ? pages.Programme(id, "/Evaluation/Index") : null, "Read the evaluation report");
    }

    private IEnumerable<UsefulLink> Links(Programme programme, IReadOnlyList<ProgrammeRole> roles, Facts facts, bool twoPhases, Func<ProgrammeCapability, bool> may)
    {
        var id = programme.Id;
        var participant = roles.Contains(ProgrammeRole.Mentor) || roles.Contains(ProgrammeRole.Mentee);
        if (may(ProgrammeCapability.Manage))
        {
            yield return new(pages.Programme(id, "/People/Index"), "People and progress");
            if (may(ProgrammeCapability.ManageQuestionnaires)) yield return new(pages.Programme(id, "/Questionnaires/Index"), "Questionnaires");
            yield return new(pages.Programme(id, "/Programmes/Settings"), "Settings");
            yield return new(pages.Programme(id, "/Timeline/Index"), "Timeline", "the dates that open and close the questionnaires");
            yield return new(pages.Programme(id, "/Evaluation/AnalysisPlan"), "Analysis plan", "the outcomes the evaluation tests, fixed before the results");
            yield return new(pages.Programme(id, "/Notifications/Texts"), "Wording of notifications");
            if (ProgrammeAccess.DesignIsEditable(programme.Status)) yield return new(pages.Programme(id, "/Programmes/Domains"), "Domains");
            if (twoPhases) yield return new(pages.Programme(id, "/PhaseOne/Settings"), "How phase 1 feedback is gathered");
            yield return new(pages.Programme(id, "/Sessions/GroundRulesEdit"), "Ground rules");
            yield return new(pages.Programme(id, "/Preparation/Readiness"), "Preparation and readiness", "mentors' modules, induction, expenses and certificates");
            if (may(ProgrammeCapability.ReadConcerns)) yield return new(pages.Programme(id, "/Sessions/Concerns"), "Concerns raised");
            if (ProgrammeAccess.NextStatus(programme.Status) is { } next) yield return new(pages.Programme(id, "/Programmes/Stage"), $"Move the programme to {next.ToString().ToLowerInvariant()}");
        }
        if (may(ProgrammeCapability.RedactFreeText) && !may(ProgrammeCapability.CodeFreeText))
        {
            yield return new(pages.Programme(id, "/FreeText/Index"), "Read and redact free-text answers");
        }
        if (may(ProgrammeCapability.CodeFreeText))
        {
            yield return new(pages.Programme(id, "/FreeText/Table"), "Table 1: themes by stage");
        }
        if (participant && may(ProgrammeCapability.ChooseMentors) && facts.Settings.MenteesMayChooseMentors)
        {
            yield return new(pages.Programme(id, "/PhaseOne/WouldLikeToMeet"), "Mentors you would like to meet (optional)");
            yield return new(pages.Programme(id, "/PhaseOne/RatherNotMeet"), "Mentors you would rather not meet (optional)");
        }
        if (may(ProgrammeCapability.ReadOwnBrief) && facts.Settings.MenteeMaySeeBrief && twoPhases)
        {
            yield return new(pages.Programme(id, "/PhaseOne/MyFeedback"), "Your feedback from the mentors");
        }
        if (may(ProgrammeCapability.PrepareToMentor)) yield return new(pages.Programme(id, "/Preparation/Index"), "Preparing to mentor", "modules, self-assessment and induction");
        if (facts.IAmPatientMentor) yield return new(pages.Programme(id, "/Preparation/Expenses"), "Your expenses", "claim travel and other costs of taking part");
        if (may(ProgrammeCapability.RecordOwnParticipation)) yield return new(pages.Programme(id, "/Recognition/Certificate"), "Your certificate and participation record");
        if (may(ProgrammeCapability.PrepareToBeMentored)) yield return new(pages.Programme(id, "/Preparation/ForMentees"), "Preparing to be mentored", "receiving feedback from a junior colleague");
        if (may(ProgrammeCapability.ReflectForAppraisal)) yield return new(pages.Programme(id, "/Appraisal/Index"), "Your reflection for appraisal", "only you can read it");
        if (may(ProgrammeCapability.DescribeOwnWork)) yield return new(pages.Programme(id, "/Allocation/YourWork"), "Your work and interests (optional)", "helps the coordinator find you a good match");
        if (participant) yield return new(pages.Programme(id, "/People/AboutYou"), "About you (optional)", "reported only in groups, never on its own");
        if (may(ProgrammeCapability.TakePart))
        {
            if (!participant) yield return new(pages.Programme(id, "/People/Consent"), "What you agree to");
            yield return new(pages.Programme(id, "/People/MyData"), "What Upward holds about you");
        }
        // The coordinators are whom a concern goes to: they are not offered to raise one with themselves.
        if (may(ProgrammeCapability.RaiseConcern) && !may(ProgrammeCapability.ReadConcerns)) yield return new(pages.Programme(id, "/Sessions/Concern"), "Raise a concern", "privately, outside your pairing");
        if (may(ProgrammeCapability.TakePart)) yield return new(pages.Programme(id, "/People/Withdraw"), "Withdraw from the programme");
    }

    private static string Plural(ProgrammeRole role) => role switch
    {
        ProgrammeRole.Mentor => "Mentors",
        ProgrammeRole.Mentee => "Mentees",
        _ => role.ToString(),
    };

    private async Task<Facts> LoadAsync(Programme programme, Guid userId, CancellationToken ct)
    {
        var id = programme.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var enrolled = await db.Enrolments.Where(e => e.ProgrammeId == id && e.Status != EnrolmentStatus.Withdrawn && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee))
            .Select(e => new Enrolled(e.Id, e.UserId, e.Role, e.Status)).ToListAsync(ct);
        var mine = await db.Enrolments.Where(e => e.ProgrammeId == id && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn)
            .Select(e => new MyEnrolment(e.Id, e.Role, e.Status)).ToListAsync(ct);
        var mineIds = mine.Select(e => e.Id).ToList();
        var invitations = (await db.Invitations.Where(i => i.ProgrammeId == id && i.AcceptedAtUtc == null && (i.Role == ProgrammeRole.Mentor || i.Role == ProgrammeRole.Mentee))
            .Select(i => i.ExpiresAtUtc).ToListAsync(ct)).Count(expires => expires > now);
        var waves = await db.Waves.Where(w => w.ProgrammeId == id).Select(w => new WaveFact(w.Id, w.Audience, w.Stage, w.IsOpen, w.OpenedAtUtc)).ToListAsync(ct);
        var waveIds = waves.Select(w => w.Id).ToList();
        var submitted = await db.Responses.Where(r => waveIds.Contains(r.WaveId) && r.Status == ResponseStatus.Submitted)
            .GroupBy(r => r.WaveId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var myResponses = await db.Responses.Where(r => mineIds.Contains(r.EnrolmentId))
            .Select(r => new { r.WaveId, r.EnrolmentId, r.Status }).ToListAsync(ct);
        // A patient or carer mentor (PatientMentors.Is, in SQL): the one who claims expenses.
        var patientProgramme = programme.Type == ProgrammeType.PatientAsMentor;
        var iAmPatientMentor = await db.Enrolments.AnyAsync(e => e.ProgrammeId == id && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn
            && e.Role == ProgrammeRole.Mentor && (e.IsPatientMentor == true || (e.IsPatientMentor == null && patientProgramme)), ct);
        // Waves put to the same people share one count: a programme has a dozen waves but few audiences.
        var putTo = new Dictionary<Guid, int>();
        var counted = new Dictionary<(ProgrammeRole, bool, bool), int>();
        foreach (var wave in waves)
        {
            var audience = (wave.Audience, StageApplicability.IsAboutTheOneToOne(wave.Stage), wave.Stage == Stage.BeforeAgain);
            if (!counted.TryGetValue(audience, out var count))
            {
                counted[audience] = count = await db.PutTo(id, wave.Audience, wave.Stage).CountAsync(ct);
            }
            putTo[wave.Id] = count;
        }
        var myEverPaired = await db.EverPairedOfAsync(mineIds, ct);
        var myToldTheyWait = (await db.ToldTheyWait().Where(e => mineIds.Contains(e)).ToListAsync(ct)).ToHashSet();
        // From the mentors, one index probe each, rather than a distinct over every answer (tens of thousands at scale).
        var mentorsWithWillingness = await db.Enrolments.CountAsync(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentor
            && db.Willingness.Any(w => w.MentorEnrolmentId == e.Id), ct);
        // My enrolments are the programme's, so the mentor's index finds them (with the programme too, SQLite chose the programme's).
        var myWillingness = await db.Willingness.CountAsync(w => mineIds.Contains(w.MentorEnrolmentId), ct);
        var myContributions = await db.AnonymousContributors.CountAsync(c => c.ProgrammeId == id && mineIds.Contains(c.MentorEnrolmentId), ct);
        var briefs = await db.FeedbackBriefs.Where(b => b.ProgrammeId == id)
            .Select(b => new BriefFact(b.MenteeEnrolmentId, b.ReleasedToMentorAtUtc != null || b.ReleasedToMenteeAtUtc != null)).ToListAsync(ct);
        // Read, not tracked: the page changes nothing, and tracking thousands of pairings cost more than reading them.
        var pairings = await db.Pairings.AsNoTracking().Where(p => p.ProgrammeId == id && p.Status == PairingStatus.Active).ToListAsync(ct);
        // Counted per pairing in the database (one row per pairing, not per session), joined from the programme's
        // pairings by their index: asked per session as a subquery, SQLite read every session of every programme.
        var sessions = await (from p in db.Pairings
                              join s in db.MentoringSessions on p.Id equals s.PairingId
                              where p.ProgrammeId == id && p.Status == PairingStatus.Active
                              select s)
            .GroupBy(s => s.PairingId)
            .Select(g => new { g.Key, Held = g.Count(s => s.Status == SessionStatus.Held), Planned = g.Count(s => s.Status == SessionStatus.Proposed || s.Status == SessionStatus.Agreed) })
            .ToDictionaryAsync(g => g.Key, ct);
        return new Facts(
            enrolled,
            mine,
            invitations,
            waves,
            submitted,
            putTo,
            myEverPaired,
            myResponses.ToDictionary(r => (r.WaveId, r.EnrolmentId), r => r.Status),
            mentorsWithWillingness,
            myWillingness,
            myContributions,
            briefs,
            pairings.Select(p => new PairingFact(p,
                sessions.TryGetValue(p.Id, out var held) ? held.Held : 0,
                sessions.TryGetValue(p.Id, out var planned) && planned.Planned > 0)).ToList(),
            (await db.GroundRulesInForceAsync(id, ct)).Version,
            await db.PhaseOneSettingsForAsync(id, ct),
            await ClosingTimesAsync(programme, ct))
        {
            IAmPatientMentor = iAmPatientMentor,
            MyToldTheyWait = myToldTheyWait,
        };
    }

    /// <summary>When each stage's questionnaires close by the programme's timeline, for stages with a last day set.</summary>
    private async Task<Dictionary<Stage, DateTime>> ClosingTimesAsync(Programme programme, CancellationToken ct)
    {
        var zone = LocalTimes.Zone(programme.TimeZone);
        var entries = await db.TimelineEntries.Where(t => t.ProgrammeId == programme.Id && t.EndsOn != null).ToListAsync(ct);
        return entries.Where(t => TimelineSteps.StageOf(t.Step) is not null)
            .ToDictionary(t => TimelineSteps.StageOf(t.Step)!.Value, t => t.ClosesAtUtc(zone)!.Value);
    }

    private sealed record Enrolled(Guid Id, Guid UserId, ProgrammeRole Role, EnrolmentStatus Status);
    private sealed record MyEnrolment(Guid Id, ProgrammeRole Role, EnrolmentStatus Status);
    private sealed record WaveFact(Guid Id, ProgrammeRole Audience, Stage Stage, bool IsOpen, DateTime? OpenedAtUtc);
    private sealed record BriefFact(Guid MenteeEnrolmentId, bool Released);
    private sealed record PairingFact(Pairing Pairing, int Held, bool Planned);

    private sealed record Facts(
        IReadOnlyList<Enrolled> Enrolled,
        IReadOnlyList<MyEnrolment> MyEnrolments,
        int OpenInvitations,
        IReadOnlyList<WaveFact> Waves,
        IReadOnlyDictionary<Guid, int> Submitted,
        IReadOnlyDictionary<Guid, int> PutTo,
        IReadOnlySet<Guid> MyEverPaired,
        IReadOnlyDictionary<(Guid WaveId, Guid EnrolmentId), ResponseStatus> MyResponses,
        int MentorsWithWillingness,
        int MyWillingness,
        int MyContributions,
        IReadOnlyList<BriefFact> Briefs,
        IReadOnlyList<PairingFact> ActivePairings,
        int GroundRulesVersion,
        PhaseOneSettings Settings,
        IReadOnlyDictionary<Stage, DateTime> ClosesAt)
    {
        public bool IAmPatientMentor { get; init; }

        /// <summary>My enrolments told they are in a waitlist control's "start later" arm.</summary>
        public IReadOnlySet<Guid> MyToldTheyWait { get; init; } = new HashSet<Guid>();
        public HashSet<Guid> ConsentedMentees { get; } = Enrolled.Where(e => e.Role == ProgrammeRole.Mentee && e.Status == EnrolmentStatus.Consented).Select(e => e.Id).ToHashSet();
    }
}
