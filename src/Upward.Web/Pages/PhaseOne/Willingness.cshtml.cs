using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Paging;
using Upward.Web.Programmes;
using Upward.Core.People;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>
/// A mentor says, mentee by mentee, whether they would mentor them, a page of mentees at a time
/// (searchable, and filtered to those not yet answered or answered yes or no). Each save stores only the
/// answers on the page sent, so answers given on other pages stay as they were. Mentees never see this.
/// </summary>
[Requires(ProgrammeCapability.DeclareWillingness)]
public sealed class WillingnessModel(UpwardDbContext db, TimeProvider clock) : ProgrammePageModel
{
    /// <summary>Mentees on one page of the form: few enough to answer in one sitting and to save quickly.</summary>
    public const int PageSize = 25;

    [BindProperty] public List<Answer> Answers { get; set; } = [];

    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    /// <summary>A mentee's name or participant code, or part of one.</summary>
    [FromQuery(Name = "search")] public string? Search { get; set; }

    /// <summary>Which mentees to list: all, those not yet answered, or those answered yes or no (to review them).</summary>
    [FromQuery(Name = "show")] public string? Show { get; set; }

    public IReadOnlyList<Participant> Mentees { get; private set; } = [];
    public ISet<Guid> Supervisors { get; private set; } = new HashSet<Guid>();
    public ListPage Paging { get; private set; } = ListPage.Of(1, PageSize, 0);
    public bool Saved { get; private set; }

    /// <summary>The whole programme's figures for this mentor, whatever the page or search.</summary>
    public int MenteeCount { get; private set; }
    public int AnsweredCount { get; private set; }
    public int WillingCount { get; private set; }

    public sealed class Answer
    {
        public Guid MenteeEnrolmentId { get; set; }
        public bool? Willing { get; set; }
        public string? Reason { get; set; }
    }

    public const int ReasonLimit = 1000;

    /// <summary>The filters offered, as (value, label); the first is the default.</summary>
    public static readonly (string Value, string Label)[] Filters =
        [("all", "All mentees"), ("unanswered", "Not yet answered"), ("yes", "Answered yes"), ("no", "Answered no")];

    public string Filter => Filters.Any(f => f.Value == Show) ? Show! : "all";

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        var (mentorId, menteeSelf) = await WhoAsync(ct);
        await LoadPageAsync(mentorId, menteeSelf, ct);
        var ids = Mentees.Select(m => m.EnrolmentId).ToList();
        var existing = await db.Willingness.Where(w => w.MentorEnrolmentId == mentorId && ids.Contains(w.MenteeEnrolmentId))
            .ToDictionaryAsync(w => w.MenteeEnrolmentId, ct);
        Answers = Mentees.Select(m => existing.TryGetValue(m.EnrolmentId, out var w)
                ? new Answer { MenteeEnrolmentId = m.EnrolmentId, Willing = w.Willing, Reason = w.PrivateReason }
                : new Answer { MenteeEnrolmentId = m.EnrolmentId })
            .ToList();
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (mentorId, menteeSelf) = await WhoAsync(ct);
        // The rows sent are the page that was shown; they are checked against the programme, not re-read as a
        // page (answering may have moved them out of a filter such as "not yet answered").
        var sentIds = Answers.Select(a => a.MenteeEnrolmentId).ToList();
        var known = await MenteeEnrolments(menteeSelf).Where(e => sentIds.Contains(e.Id))
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new Participant(e.Id, e.ParticipantCode, u.DisplayName)).ToDictionaryAsync(m => m.EnrolmentId, ct);
        Supervisors = await SupervisorsAsync(mentorId, sentIds, ct);
        await CountAsync(mentorId, menteeSelf, ct);
        if (Answers.Count == 0 || Answers.Count > PageSize || sentIds.Distinct().Count() != Answers.Count || sentIds.Any(id => !known.ContainsKey(id)))
        {
            // A tampered or out-of-date form: say so and save nothing rather than guess.
            await LoadPageAsync(mentorId, menteeSelf, ct);
            Answers = Mentees.Select(m => Answers.FirstOrDefault(a => a.MenteeEnrolmentId == m.EnrolmentId) ?? new Answer { MenteeEnrolmentId = m.EnrolmentId }).ToList();
            ModelState.Clear();
            ModelState.AddModelError("", "The list of mentees has changed since the page was opened. Check your answers and save again.");
            return Page();
        }
        Mentees = Answers.Select(a => known[a.MenteeEnrolmentId]).ToList();
        for (var i = 0; i < Answers.Count; i++)
        {
            var name = known[Answers[i].MenteeEnrolmentId].Name;
            if (ModelState[$"Answers[{i}].Willing"] is { Errors.Count: > 0 } bad)
            {
                bad.Errors.Clear();
                ModelState.AddModelError($"Answers[{i}].Willing", $"Select yes or no for {name}");
            }
            else if (Answers[i].Willing is null)
            {
                ModelState.AddModelError($"Answers[{i}].Willing", $"Select yes or no for {name}");
            }
            if (Answers[i].Reason is { Length: > ReasonLimit })
            {
                ModelState.AddModelError($"Answers[{i}].Reason", $"Your reason about {name} must be {ReasonLimit} characters or fewer");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = Answers.Select(answer => new Willingness
        {
            ProgrammeId = ProgrammeId, MentorEnrolmentId = mentorId, MenteeEnrolmentId = answer.MenteeEnrolmentId, Willing = answer.Willing!.Value,
            PrivateReason = string.IsNullOrWhiteSpace(answer.Reason) ? null : answer.Reason.Trim(), RecordedAtUtc = now,
        }).OrderBy(w => w.MenteeEnrolmentId);
        await db.WriteAtomicallyAsync(async ct =>
        {
            // One statement per save: the same form sent twice at once (two tabs, a double tap) ends with the later answers, never an error.
            await db.UpsertAsync(rows, w => new { w.MentorEnrolmentId, w.MenteeEnrolmentId }, w => new { w.Willing, w.PrivateReason, w.RecordedAtUtc }, ct);
            db.Audit(AuditAction.WillingnessRecorded, User.UserId(), Programme.OrganisationId, ProgrammeId, $"enrolment:{mentorId}");
            return await db.SaveChangesAsync(ct);
        }, ct);
        return RedirectToPage("/PhaseOne/Willingness", new { programmeId = ProgrammeId, saved = "true", pageNumber = PageNumber == 1 ? (int?)null : PageNumber, search = Search, show = Show });
    }

    /// <summary>The address of another page of this list, keeping the search and filter.</summary>
    public string? PageHref(int number, string? show = null) =>
        Url.Page("/PhaseOne/Willingness", new { programmeId = ProgrammeId, pageNumber = number == 1 ? (int?)null : number, search = Search, show = show ?? (Filter == "all" ? null : Filter) });

    private async Task<(Guid Mentor, Guid? MenteeSelf)> WhoAsync(CancellationToken ct)
    {
        var mentorId = (await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct))!.Value;
        // In a reciprocal programme one may be a mentee too; nobody is asked about mentoring themselves.
        var myMenteeSelf = await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct);
        return (mentorId, myMenteeSelf);
    }

    /// <summary>The mentees this mentor is asked about: every current mentee but themselves.</summary>
    private IQueryable<Enrolment> MenteeEnrolments(Guid? menteeSelf) =>
        db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.Role == ProgrammeRole.Mentee && e.Status != EnrolmentStatus.Withdrawn && e.Id != menteeSelf);

    /// <summary>This page's mentees (by participant code), counted and paged in the database.</summary>
    private async Task LoadPageAsync(Guid mentorId, Guid? menteeSelf, CancellationToken ct)
    {
        var mentees = MenteeEnrolments(menteeSelf)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, u.DisplayName });
        var term = ListSearch.Term(Search);
        if (term is not null)
        {
            mentees = mentees.Where(m => m.DisplayName.ToLower().Contains(term) || m.ParticipantCode.ToLower().Contains(term));
        }
        var mine = db.Willingness.Where(w => w.MentorEnrolmentId == mentorId);
        mentees = Filter switch
        {
            "unanswered" => mentees.Where(m => !mine.Any(w => w.MenteeEnrolmentId == m.Id)),
            "yes" => mentees.Where(m => mine.Any(w => w.MenteeEnrolmentId == m.Id && w.Willing)),
            "no" => mentees.Where(m => mine.Any(w => w.MenteeEnrolmentId == m.Id && !w.Willing)),
            _ => mentees,
        };
        Paging = ListPage.Of(PageNumber, PageSize, await mentees.CountAsync(ct));
        PageNumber = Paging.Number;
        Mentees = await mentees.OrderBy(m => m.ParticipantCode).ThenBy(m => m.Id).Skip(Paging.Skip).Take(Paging.Size)
            .Select(m => new Participant(m.Id, m.ParticipantCode, m.DisplayName)).ToListAsync(ct);
        Supervisors = await SupervisorsAsync(mentorId, Mentees.Select(m => m.EnrolmentId).ToList(), ct);
        await CountAsync(mentorId, menteeSelf, ct);
    }

    private async Task<ISet<Guid>> SupervisorsAsync(Guid mentorId, List<Guid> menteeIds, CancellationToken ct) =>
        (await db.Relationships.Where(s => s.Kind == RelationshipKind.ClinicalSupervisor && s.MentorEnrolmentId == mentorId && menteeIds.Contains(s.MenteeEnrolmentId))
            .Select(s => s.MenteeEnrolmentId).ToListAsync(ct)).ToHashSet();

    private async Task CountAsync(Guid mentorId, Guid? menteeSelf, CancellationToken ct)
    {
        var mentees = MenteeEnrolments(menteeSelf);
        MenteeCount = await mentees.CountAsync(ct);
        var answers = db.Willingness.Where(w => w.MentorEnrolmentId == mentorId && mentees.Any(m => m.Id == w.MenteeEnrolmentId));
        AnsweredCount = await answers.CountAsync(ct);
        WillingCount = await answers.CountAsync(w => w.Willing, ct);
    }

    public string NameOf(Guid menteeId) => Mentees.SingleOrDefault(m => m.EnrolmentId == menteeId)?.Name ?? "this mentee";
}
