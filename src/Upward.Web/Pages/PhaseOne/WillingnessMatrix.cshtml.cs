using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Paging;
using Upward.Web.Programmes;
using Upward.Core.People;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>
/// The coordinator's view of mentors' willingness: the summary that guides the allocation, then a page of
/// mentors (by how many mentees they would mentor) or of mentees (by how many mentors would mentor them),
/// searchable and sortable, each leading to that person's answers (yes or no, flags and reasons), paged too.
/// A grid of every mentor by every mentee cannot be read, or sent, at thousands by thousands, nor fit a phone.
/// </summary>
[Requires(ProgrammeCapability.ViewWillingness)]
public sealed class WillingnessMatrixModel(UpwardDbContext db) : ProgrammePageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "view")] public string? View { get; set; }
    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "search")] public string? Search { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }

    public WillingnessSummary Summary { get; private set; } = null!;
    public ListPage Paging { get; private set; } = ListPage.Of(1, PageSize, 0);
    public IReadOnlyList<AnswerRow> Answers { get; private set; } = [];
    public IReadOnlyList<PersonRow> People { get; private set; } = [];

    /// <summary>One answer in a person's list: the other person of the pair, yes or no, and its flags.</summary>
    public sealed record AnswerRow(string OtherName, string OtherCode, bool Willing, string? Reason, bool Supervisor, bool Declined);
    public sealed record PersonRow(Guid Id, string Name, string Code, int Willing);

    /// <summary>The lists offered, as (value, label); the first is the default.</summary>
    public static readonly (string Value, string Label)[] Views = [("mentors", "Mentors"), ("mentees", "Mentees")];

    public string CurrentView => Views.Any(v => v.Value == View) ? View! : "mentors";

    /// <summary>A mentor or mentee whose answers are listed (each answer given by them, or about them), instead of a list of people.</summary>
    [FromQuery(Name = "person")] public Guid? Person { get; set; }
    public Upward.Web.Pages.PhaseOne.Participant? Shown { get; private set; }
    public bool ShownIsMentor { get; private set; }

    /// <summary>The orders each list offers, as (value, label); the first is the default.</summary>
    public IReadOnlyList<(string Value, string Label)> Sorts => CurrentView switch
    {
        _ => [("fewest", "Fewest willing first"), ("most", "Most willing first"), ("code", "Participant code")],
    };

    public string CurrentSort => Sorts.Any(s => s.Value == Sort) ? Sort! : Sorts[0].Value;

    /// <summary>
    /// A mentor's private reason is for the people running their programme: an organisation
    /// administrator sees the yes and no (the allocation needs them) but reasons only where they coordinate.
    /// </summary>
    public bool ShowReasons => MyRoles.Contains(ProgrammeRole.Coordinator);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // One grouped pass over the answers gives the whole summary: per mentor, how many answered and how many yes.
        // Answers about anyone withdrawn are ignored, as the allocation ignores them.
        var mentors = Current(ProgrammeRole.Mentor);
        var mentees = Current(ProgrammeRole.Mentee);
        var relevant = db.Willingness.Where(w => w.ProgrammeId == ProgrammeId
            && mentors.Any(m => m.Id == w.MentorEnrolmentId) && mentees.Any(m => m.Id == w.MenteeEnrolmentId));
        var perMentor = await relevant.GroupBy(w => w.MentorEnrolmentId)
            .Select(g => new { g.Key, Answered = g.Count(), Willing = g.Count(w => w.Willing) }).ToListAsync(ct);
        Summary = WillingnessSummary.FromCounts(await Current(ProgrammeRole.Mentor).CountAsync(ct), await Current(ProgrammeRole.Mentee).CountAsync(ct),
            perMentor.Where(m => m.Willing > 0).Select(m => m.Willing).ToList(), perMentor.Count);

        var term = ListSearch.Term(Search);
        if (Person is { } person)
        {
            var who = await db.Enrolments.Where(e => e.Id == person && e.ProgrammeId == ProgrammeId && e.Status != EnrolmentStatus.Withdrawn
                    && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee))
                .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.Role, e.ParticipantCode, u.DisplayName }).SingleOrDefaultAsync(ct);
            if (who is null) return NotFound();
            Shown = new Participant(who.Id, who.ParticipantCode, who.DisplayName);
            ShownIsMentor = who.Role == ProgrammeRole.Mentor;
            await LoadAnswersAsync(who.Id, ShownIsMentor, ct);
        }
        else if (CurrentView == "mentors")
        {
            await LoadPeopleAsync(ProgrammeRole.Mentor, perMentor.ToDictionary(m => m.Key, m => m.Willing), term, ct);
        }
        else
        {
            var perMentee = await relevant.Where(w => w.Willing).GroupBy(w => w.MenteeEnrolmentId).Select(g => new { g.Key, Willing = g.Count() }).ToListAsync(ct);
            await LoadPeopleAsync(ProgrammeRole.Mentee, perMentee.ToDictionary(m => m.Key, m => m.Willing), term, ct);
        }
        return Page();
    }

    /// <summary>The address of a page of the list shown, keeping its search and order.</summary>
    public string? Href(int number) => Url.Page("/PhaseOne/WillingnessMatrix", new
    {
        programmeId = ProgrammeId, person = Person, view = Person is null && CurrentView != "mentors" ? CurrentView : null,
        sort = Person is null && CurrentSort != Sorts[0].Value ? CurrentSort : null, search = Search, pageNumber = number == 1 ? (int?)null : number,
    });

    /// <summary>The address of another list (of people, or of one person's answers), from its first page.</summary>
    public string? HrefTo(string? view = null, Guid? person = null) => Url.Page("/PhaseOne/WillingnessMatrix", new
    {
        programmeId = ProgrammeId, person, view = view is null or "mentors" ? null : view,
    });

    private IQueryable<Enrolment> Current(ProgrammeRole role) =>
        db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.Role == role && e.Status != EnrolmentStatus.Withdrawn);

    /// <summary>
    /// A page of one person's answers: a mentor's about each mentee, or every mentor's about a mentee,
    /// read through the index on that person's side (a few thousand rows at most), in participant code order.
    /// </summary>
    private async Task LoadAnswersAsync(Guid person, bool isMentor, CancellationToken ct)
    {
        var rows = isMentor
            ? from w in db.Willingness
              where w.MentorEnrolmentId == person
              join mentee in db.Enrolments on w.MenteeEnrolmentId equals mentee.Id
              join menteeUser in db.Users on mentee.UserId equals menteeUser.Id
              where mentee.Status != EnrolmentStatus.Withdrawn && mentee.Role == ProgrammeRole.Mentee
              select new { w, OtherCode = mentee.ParticipantCode, OtherName = menteeUser.DisplayName }
            : from w in db.Willingness
              where w.MenteeEnrolmentId == person
              join mentor in db.Enrolments on w.MentorEnrolmentId equals mentor.Id
              join mentorUser in db.Users on mentor.UserId equals mentorUser.Id
              where mentor.Status != EnrolmentStatus.Withdrawn && mentor.Role == ProgrammeRole.Mentor
              select new { w, OtherCode = mentor.ParticipantCode, OtherName = mentorUser.DisplayName };
        if (ListSearch.Term(Search) is { } term)
        {
            rows = rows.Where(x => x.OtherName.ToLower().Contains(term) || x.OtherCode.ToLower().Contains(term));
        }
        Paging = ListPage.Of(PageNumber, PageSize, await rows.CountAsync(ct));
        PageNumber = Paging.Number;
        var shown = await rows.OrderBy(x => x.OtherCode).ThenBy(x => x.w.Id).Skip(Paging.Skip).Take(Paging.Size)
            .Select(x => new { x.w.MentorEnrolmentId, x.w.MenteeEnrolmentId, x.OtherName, x.OtherCode, x.w.Willing, x.w.PrivateReason })
            .ToListAsync(ct);

        // The flags for this page's pairs only.
        var mentorIds = shown.Select(x => x.MentorEnrolmentId).Distinct().ToList();
        var supervisions = (await db.Relationships.Where(s => s.ProgrammeId == ProgrammeId && s.Kind == RelationshipKind.ClinicalSupervisor && mentorIds.Contains(s.MentorEnrolmentId))
            .Select(s => new { s.MentorEnrolmentId, s.MenteeEnrolmentId }).ToListAsync(ct)).Select(s => (s.MentorEnrolmentId, s.MenteeEnrolmentId)).ToHashSet();
        var declines = (await db.MentorDeclines.Where(d => d.ProgrammeId == ProgrammeId && mentorIds.Contains(d.MentorEnrolmentId))
            .Select(d => new { d.MentorEnrolmentId, d.MenteeEnrolmentId }).ToListAsync(ct)).Select(d => (d.MentorEnrolmentId, d.MenteeEnrolmentId)).ToHashSet();
        Answers = shown.Select(x => new AnswerRow(x.OtherName, x.OtherCode, x.Willing, ShowReasons ? x.PrivateReason : null,
            supervisions.Contains((x.MentorEnrolmentId, x.MenteeEnrolmentId)), declines.Contains((x.MentorEnrolmentId, x.MenteeEnrolmentId)))).ToList();
    }

    /// <summary>
    /// A page of mentors or mentees with how many of the other side they are willing, or have willing. The
    /// counts come from the summary's grouped pass, so this reads only the people (a few thousand short rows).
    /// </summary>
    private async Task LoadPeopleAsync(ProgrammeRole role, IReadOnlyDictionary<Guid, int> willing, string? term, CancellationToken ct)
    {
        var people = Current(role).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, u.DisplayName });
        if (term is not null)
        {
            people = people.Where(p => p.DisplayName.ToLower().Contains(term) || p.ParticipantCode.ToLower().Contains(term));
        }
        var all = (await people.ToListAsync(ct)).Select(p => new { p.Id, p.ParticipantCode, p.DisplayName, Willing = willing.GetValueOrDefault(p.Id) }).ToList();
        Paging = ListPage.Of(PageNumber, PageSize, all.Count);
        PageNumber = Paging.Number;
        var ordered = CurrentSort switch
        {
            "most" => all.OrderByDescending(p => p.Willing).ThenBy(p => p.ParticipantCode, StringComparer.Ordinal),
            "code" => all.OrderBy(p => p.ParticipantCode, StringComparer.Ordinal),
            _ => all.OrderBy(p => p.Willing).ThenBy(p => p.ParticipantCode, StringComparer.Ordinal),
        };
        People = ordered.ThenBy(p => p.Id).Skip(Paging.Skip).Take(Paging.Size).Select(p => new PersonRow(p.Id, p.DisplayName, p.ParticipantCode, p.Willing)).ToList();
    }
}
