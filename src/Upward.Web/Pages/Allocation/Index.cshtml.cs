using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Allocation;
using Upward.Core.Auditing;
using Upward.Core.Notifications;
using Upward.Core.Matching;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Paging;
using Upward.Web.Pages.Notifications;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Allocation;

/// <summary>
/// The coordinator allocates with Core's engine (random within willingness, as in the study, or
/// optimal), previews every pair with its reason, confirms, pairs by hand or ends a pairing.
/// </summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class AllocationModel(UpwardDbContext db, AllocationFactsQuery query, Mailer mailer, PublicLinks links, NotificationQueue notifications, TimeProvider clock, PageLinks pages)
    : ProgrammePageModel
{
    /// <summary>Seeds stay below 2^53 so every JSON reader and spreadsheet holds them exactly.</summary>
    public const ulong MaxSeed = (1UL << 53) - 1;

    [BindProperty(SupportsGet = true)] public MatchingMode? Mode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Seed { get; set; }
    /// <summary>What best fit counts; empty on the first visit, when every consideration is offered ticked.</summary>
    [BindProperty(SupportsGet = true)] public List<BestFitConsiderations> Consider { get; set; } = [];
    [BindProperty] public HandInput Hand { get; set; } = new();

    public BestFitConsiderations Considered => Consider.Aggregate(BestFitConsiderations.None, (all, one) => all | one);

    public static readonly IReadOnlyList<RadioOption> ConsiderOptions =
    [
        new(nameof(BestFitConsiderations.MenteeWishes), "Mentors the mentee would like to meet", "From the mentee's own list, where the programme asks for one."),
        new(nameof(BestFitConsiderations.SharedSpecialty), "A shared specialty"),
        new(nameof(BestFitConsiderations.SharedTopics), "Topics both want to talk about"),
        new(nameof(BestFitConsiderations.DifferentDepartment), "Different departments", "So neither works beside or manages the other."),
    ];

    /// <summary>
    /// Pairing by hand: a participant code each, as typed (at 5,000 a side no list of everyone can be
    /// offered), or the enrolment ids the waiting table's one-press buttons post.
    /// </summary>
    public sealed class HandInput
    {
        public string? Mentee { get; set; }
        public string? Mentor { get; set; }
    }

    public AllocationFacts Facts { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, AllocationFactsQuery.Person> People { get; private set; } = new Dictionary<Guid, AllocationFactsQuery.Person>();
    public IReadOnlyList<Pairing> Active { get; private set; } = [];
    public IReadOnlyList<AllocationFactsQuery.NotReadyMentor> NotReady { get; private set; } = [];
    public IReadOnlyList<AllocationFactsQuery.WaitingMentee> Waiting { get; private set; } = [];
    public AllocationPlan? Plan { get; private set; }

    /// <summary>Mentees in one page of the waiting table; each row can list a dozen mentors with a button each.</summary>
    public const int WaitingPageSize = 25;

    [FromQuery(Name = "waitingPage")] public int WaitingPageNumber { get; set; } = 1;

    /// <summary>A mentee's name or participant code, or part of one, to find them in the waiting table.</summary>
    [FromQuery(Name = "waitingSearch")] public string? WaitingSearch { get; set; }

    public IReadOnlyList<Guid> WaitingShown { get; private set; } = [];
    public ListPage WaitingPaging { get; private set; } = ListPage.Of(1, WaitingPageSize, 0);

    /// <summary>Rows in one page of the current pairs and of the preview.</summary>
    public const int PairsPageSize = 50;

    [FromQuery(Name = "pairsPage")] public int PairsPageNumber { get; set; } = 1;

    /// <summary>A mentor's or mentee's name or participant code, or part of one, to find a pair.</summary>
    [FromQuery(Name = "pairsSearch")] public string? PairsSearch { get; set; }

    [FromQuery(Name = "previewPage")] public int PreviewPageNumber { get; set; } = 1;

    public IReadOnlyList<Pairing> PairsShown { get; private set; } = [];
    public ListPage PairsPaging { get; private set; } = ListPage.Of(1, PairsPageSize, 0);
    public IReadOnlyList<ProposedPair> PreviewShown { get; private set; } = [];
    public ListPage PreviewPaging { get; private set; } = ListPage.Of(1, PairsPageSize, 0);
    public IReadOnlyList<LeftOut> UnmatchedShown { get; private set; } = [];

    public static readonly IReadOnlyList<RadioOption> ModeOptions =
    [
        new(nameof(MatchingMode.Random), "At random within each mentor's willingness", "The published study's method."),
        new(nameof(MatchingMode.Optimal), "Best fit", "The most mentees matched, then the pairs that fit best by what you tick below and the programme's rule on supervisors."),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ExplainBadConsiderations();
        if (Mode is null)
        {
            // Nothing to plan: read only what the page draws.
            await LoadForShowingAsync(ct);
            Consider = [.. ConsiderOptions.Select(o => Enum.Parse<BestFitConsiderations>(o.Value))];
        }
        else
        {
            await LoadAsync(ct);
        }
        if (Mode is { } mode)
        {
            if (ParseSeed() is { } seed)
            {
                Plan = PlanFromWholeFacts(mode, seed);
                Seed = mode == MatchingMode.Random ? seed.ToString() : null;
                // The plan is made whole (it is the same plan on confirming); only a page of it is drawn.
                PreviewPaging = ListPage.Of(PreviewPageNumber, PairsPageSize, Math.Max(Plan.Pairs.Count, Plan.Unmatched.Count));
                PreviewPageNumber = PreviewPaging.Number;
                PreviewShown = Plan.Pairs.Skip(PreviewPaging.Skip).Take(PreviewPaging.Size).ToList();
                UnmatchedShown = Plan.Unmatched.Skip(PreviewPaging.Skip).Take(PreviewPaging.Size).ToList();
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var created = await db.WriteAtomicallyAsync(async ct =>
        {
            // Two confirmations at once (a double click, two coordinators) take turns, and the second
            // plans from the pairs the first made: no mentee is paired twice.
            await db.LockAsync<Programme>(Programme.Id, ct);
            await LoadAsync(ct);
            if (Mode is not { } mode || ParseSeed() is not { } seed) return null;
            // The same facts, mode and seed give the same plan as the preview.
            var plan = PlanFromWholeFacts(mode, seed);
            var now = clock.GetUtcNow().UtcDateTime;
            var created = plan.Pairs.Select(p => new Pairing
            {
                ProgrammeId = Programme.Id, MentorEnrolmentId = p.Mentor, MenteeEnrolmentId = p.Mentee, CreatedAtUtc = now, Reason = p.Reason,
            }).ToList();
            if (created.Count == 0) return created;
            db.Pairings.AddRange(created);
            await LinkBriefsAsync(created, ct);
            db.Audit(AuditAction.AllocationConfirmed, User.UserId(), Programme.OrganisationId, Programme.Id,
                mode == MatchingMode.Random ? $"allocation:random:seed={seed}" : $"allocation:optimal:considered={Considered}");
            await db.SaveChangesAsync(ct);
            return created;
        }, ct);
        if (created is null)
        {
            ModelState.AddModelError(nameof(Mode), "Preview an allocation before confirming it");
            return Page();
        }
        await TellPairsAsync(created, ct);
        return RedirectToPage("/Allocation/Index", new { programmeId = Programme.Id });
    }

    public async Task<IActionResult> OnPostPairAsync(CancellationToken ct)
    {
        var pairing = await db.WriteAtomicallyAsync(async ct =>
        {
            // Checked against the pairs as they stand once this request has its turn, so two hands
            // pairing the same mentee at once make one pairing and the other is told why not.
            await db.LockAsync<Programme>(Programme.Id, ct);
            await LoadAsync(ct);
            var menteeId = await HandAsync("Hand.Mentee", Hand.Mentee, ProgrammeRole.Mentee, ct);
            var mentorId = await HandAsync("Hand.Mentor", Hand.Mentor, ProgrammeRole.Mentor, ct);
            if (menteeId is { } taken && Active.FirstOrDefault(p => p.MenteeEnrolmentId == taken) is { } current)
            {
                ModelState.AddModelError("Hand.Mentee", $"{Code(taken)} already has a mentor, {Named(current.MentorEnrolmentId)}. End that pairing first to give them another");
            }
            else if (mentorId is { } notReady && NotReady.FirstOrDefault(n => n.Person.EnrolmentId == notReady) is { } waiting)
            {
                ModelState.AddModelError("Hand.Mentor", $"This mentor is not ready yet: {string.Join("; ", waiting.Reasons).ToLowerInvariant()}");
            }
            else if (menteeId is { } early && Waiting.FirstOrDefault(w => w.Person.EnrolmentId == early) is { } wait)
            {
                ModelState.AddModelError("Hand.Mentee", $"This mentee cannot be paired yet: {wait.Reason.ToLowerInvariant()}");
            }
            else if (menteeId is { } mentee && mentorId is { } mentor && AllocationPlanner.WhyNot(Facts, mentor, mentee) is { } why)
            {
                // Even by hand, nobody is pushed onto a mentee they did not agree to mentor.
                ModelState.AddModelError("Hand.Mentor", why);
            }
            if (!ModelState.IsValid) return null;

            var pairing = new Pairing
            {
                ProgrammeId = Programme.Id, MentorEnrolmentId = mentorId!.Value, MenteeEnrolmentId = menteeId!.Value,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime, Reason = "Paired by hand by the coordinator, within the mentor's stated willingness.",
            };
            db.Pairings.Add(pairing);
            await LinkBriefsAsync([pairing], ct);
            db.Audit(AuditAction.PairingAddedByHand, User.UserId(), Programme.OrganisationId, Programme.Id, $"pairing:{pairing.Id}");
            await db.SaveChangesAsync(ct);
            return pairing;
        }, ct);
        if (pairing is null) return Page();
        await TellPairsAsync([pairing], ct);
        return RedirectToPage("/Allocation/Index", new { programmeId = Programme.Id });
    }

    public async Task<IActionResult> OnPostEndAsync(Guid pairingId, CancellationToken ct)
    {
        var pairing = await db.Pairings.SingleOrDefaultAsync(p => p.Id == pairingId && p.ProgrammeId == Programme.Id && p.Status == PairingStatus.Active, ct);
        if (pairing is null) return NotFound();
        // No fault is recorded: only that the pairing ended, so the engine will not propose it again.
        pairing.End(PairingEndedBy.Coordinator, clock.GetUtcNow().UtcDateTime);
        db.Audit(AuditAction.PairingEnded, User.UserId(), Programme.OrganisationId, Programme.Id, $"pairing:{pairing.Id}");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Allocation/Index", new { programmeId = Programme.Id });
    }

    /// <summary>
    /// One side of a hand pairing found from its code (or a button's id), or an error on its field. The
    /// field then shows the code, not an id from a button, so what is on the form still reads as typed.
    /// </summary>
    private async Task<Guid?> HandAsync(string field, string? typed, ProgrammeRole role, CancellationToken ct)
    {
        var found = await HandPairingCodes.FindAsync(db, Programme.Id, typed, role, ct);
        Upward.Web.Pages.People.ParticipantCodeLookup.ShowOnField(ModelState, field, typed, found.Code, found.Error);
        return found.EnrolmentId;
    }

    private string Code(Guid enrolmentId) => People.TryGetValue(enrolmentId, out var p) ? p.Code : "This mentee";

    private string Named(Guid enrolmentId) => People.TryGetValue(enrolmentId, out var p) ? $"{p.Name} ({p.Code})" : "someone who has left";

    private async Task LoadAsync(CancellationToken ct)
    {
        var result = await query.LoadAsync(Programme, ct);
        PageWaiting(result.Facts.Mentees, result.People);
        Show(result);
    }

    private bool _factsForShowingOnly;

    /// <summary>The plan for these facts; refused if they were read only to draw the page (25 mentees' willingness, not everyone's).</summary>
    private AllocationPlan PlanFromWholeFacts(MatchingMode mode, ulong seed) => _factsForShowingOnly
        ? throw new InvalidOperationException("An allocation was about to be planned from the facts read only to draw the page")
        : AllocationPlanner.Plan(Facts, mode, seed, Considered);

    /// <summary>The page's facts about pairs cover only the waiting mentees on the page drawn: never plan from them.</summary>
    private async Task LoadForShowingAsync(CancellationToken ct) => Show(await query.LoadForShowingAsync(Programme, PageWaiting, ct));

    private void Show(AllocationFactsQuery.Result result)
    {
        _factsForShowingOnly = result.ForShowingOnly;
        Facts = result.Facts;
        People = result.People;
        Active = result.ActivePairings;
        NotReady = result.NotReady;
        Waiting = result.Waiting;
        PagePairs();
    }

    /// <summary>One page of the current pairs (by mentor's code), found by either person's name or code.</summary>
    private void PagePairs()
    {
        var term = ListSearch.Term(PairsSearch);
        bool Matches(Guid id) => People.TryGetValue(id, out var p)
            && (p.Name.Contains(term!, StringComparison.OrdinalIgnoreCase) || p.Code.Contains(term!, StringComparison.OrdinalIgnoreCase));
        string CodeOf(Guid id) => People.TryGetValue(id, out var p) ? p.Code : "";
        var pairs = Active.Where(p => term is null || Matches(p.MentorEnrolmentId) || Matches(p.MenteeEnrolmentId))
            .OrderBy(p => CodeOf(p.MentorEnrolmentId), StringComparer.Ordinal).ThenBy(p => CodeOf(p.MenteeEnrolmentId), StringComparer.Ordinal).ToList();
        PairsPaging = ListPage.Of(PairsPageNumber, PairsPageSize, pairs.Count);
        PairsPageNumber = PairsPaging.Number;
        PairsShown = pairs.Skip(PairsPaging.Skip).Take(PairsPaging.Size).ToList();
    }

    /// <summary>One page of the mentees waiting for a mentor (in code order), found by name or code.</summary>
    private IReadOnlyList<Guid> PageWaiting(IReadOnlyList<Guid> mentees, IReadOnlyDictionary<Guid, AllocationFactsQuery.Person> people)
    {
        var term = ListSearch.Term(WaitingSearch);
        var waiting = mentees.Where(m => term is null || (people.TryGetValue(m, out var p)
            && (p.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || p.Code.Contains(term, StringComparison.OrdinalIgnoreCase)))).ToList();
        WaitingPaging = ListPage.Of(WaitingPageNumber, WaitingPageSize, waiting.Count);
        WaitingPageNumber = WaitingPaging.Number;
        WaitingShown = waiting.Skip(WaitingPaging.Skip).Take(WaitingPaging.Size).ToList();
        return WaitingShown;
    }

    /// <summary>A tampered or stale tick gets our words, not the framework's, and no plan is made from it.</summary>
    private void ExplainBadConsiderations()
    {
        if (!FormErrors.TakeBindingErrors(ModelState, nameof(Consider))) return;
        ModelState.AddModelError(nameof(Consider), "Select what best fit takes into account from the list");
        Mode = null;
    }

    private ulong? ParseSeed()
    {
        if (string.IsNullOrWhiteSpace(Seed))
        {
            return Mode == MatchingMode.Random ? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) & MaxSeed : 0;
        }
        if (ulong.TryParse(Seed.Trim(), out var seed) && seed <= MaxSeed)
        {
            return seed;
        }
        ModelState.AddModelError(nameof(Seed), $"Enter the seed as a whole number from 0 to {MaxSeed}, or leave it empty");
        return null;
    }

    private async Task LinkBriefsAsync(IEnumerable<Pairing> pairings, CancellationToken ct)
    {
        foreach (var pairing in pairings)
        {
            var brief = await db.FeedbackBriefs.SingleOrDefaultAsync(b => b.ProgrammeId == Programme.Id && b.MenteeEnrolmentId == pairing.MenteeEnrolmentId, ct);
            if (brief is not null) brief.AllocatedMentorEnrolmentId = pairing.MentorEnrolmentId;
        }
    }

    private async Task TellPairsAsync(IReadOnlyCollection<Pairing> pairings, CancellationToken ct)
    {
        var link = links.To(pages.Programme(Programme.Id, "/Sessions/Pairing"));
        var enrolmentIds = pairings.SelectMany(p => new[] { p.MentorEnrolmentId, p.MenteeEnrolmentId }).ToList();
        var users = await db.Enrolments.Where(e => enrolmentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.UserId, ct);
        var inApp = new List<Notification>();
        foreach (var pairing in pairings)
        {
            foreach (var (me, other, role) in new[] { (pairing.MentorEnrolmentId, pairing.MenteeEnrolmentId, "mentee"), (pairing.MenteeEnrolmentId, pairing.MentorEnrolmentId, "mentor") })
            {
                if (!People.TryGetValue(me, out var person) || person.Email is null || !People.TryGetValue(other, out var partner)) continue;
                await mailer.SendAsync(Programme.OrganisationId, Messages.Paired(person.Email, person.Name, role, Programme.Name, partner.Name, link), ct);
                inApp.Add(notifications.Make(Programme, new Recipient(users[me], person.Name), NotificationKind.AllocationConfirmed,
                    $"{NotificationKind.AllocationConfirmed}:{pairing.Id:N}:{users[me]:N}", pairing.Id, pages.Programme(Programme.Id, "/Sessions/Pairing"),
                    new NotificationTexts.Facts(person.Name, Programme.Name, $"your {role} is {partner.Name}.")));
            }
        }
        await notifications.AddAlreadyEmailedAsync(inApp, ct);
    }
}
