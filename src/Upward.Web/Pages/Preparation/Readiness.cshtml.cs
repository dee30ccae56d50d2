using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Paging;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Preparation;

/// <summary>
/// The coordinator's view of preparation: the programme's modules (to edit), every mentor's readiness
/// and why not, attendance at induction and group supervision, and who takes part as a patient or carer.
/// </summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class ReadinessModel(UpwardDbContext db, PreparationQueries queries, TimeProvider clock) : ProgrammePageModel
{
    public IReadOnlyList<PreparationQueries.Module> Modules { get; private set; } = [];
    public int MenteesTakingPart { get; private set; }
    public IReadOnlyDictionary<string, int> MenteeCompletions { get; private set; } = new Dictionary<string, int>();
    /// <summary>This page of the mentors' table (by participant code, searchable by name or code).</summary>
    public IReadOnlyList<PreparationQueries.MentorState> Mentors { get; private set; } = [];
    public ListPage Paging { get; private set; } = ListPage.Of(1, PageSize, 0);
    public const int PageSize = 50;
    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "search")] public string? Search { get; set; }

    /// <summary>The whole programme's mentors taking part, and how many of them have done each module (by key).</summary>
    public int MentorsTakingPart { get; private set; }
    public int PatientMentorsTakingPart { get; private set; }
    public IReadOnlyDictionary<string, int> MentorCompletions { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> PatientMentorCompletions { get; private set; } = new Dictionary<string, int>();
    public PreparationSettings Settings { get; private set; } = null!;

    [BindProperty] public AttendanceInput Attend { get; set; } = new();
    [FromQuery] public string? Done { get; set; }

    public sealed class AttendanceInput
    {
        public Guid? Mentor { get; set; }
        public AttendanceKind? Kind { get; set; }
        public string? Day { get; set; }
        public string? Month { get; set; }
        public string? Year { get; set; }
    }

    public static readonly IReadOnlyList<RadioOption> Kinds =
    [
        new(nameof(AttendanceKind.Induction), "Induction", "Needed before pairing when the programme waits for mentors to be ready."),
        new(nameof(AttendanceKind.GroupSupervision), "Group supervision"),
    ];

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAttendAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (Attend.Mentor is not { } mentor || !await queries.ConsentedMentors(ProgrammeId).AnyAsync(m => m.Id == mentor, ct)) ModelState.AddModelError("Attend.Mentor", "Select the mentor who attended");
        if (Attend.Kind is not { } kind || !Enum.IsDefined(kind)) ModelState.AddModelError("Attend.Kind", "Select what they attended");
        var day = DateParts.Parse(Attend.Day, Attend.Month, Attend.Year);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (day is null) ModelState.AddModelError("Attend.Day", "Enter the day it was held as a real date, for example 14 3 2027");
        else if (day > today.AddDays(1)) ModelState.AddModelError("Attend.Day", "The day it was held must be today or in the past");
        if (!ModelState.IsValid) return Page();

        var row = new Attendance
        {
            ProgrammeId = ProgrammeId, EnrolmentId = Attend.Mentor!.Value, Kind = Attend.Kind!.Value, HeldOn = day!.Value,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime, RecordedByUserId = User.UserId(),
        };
        await db.WriteAtomicallyAsync(async ct =>
        {
            // Recording the same attendance twice (a double click) keeps one row and one audit entry.
            if (await db.UpsertAsync([row], a => new { a.EnrolmentId, a.Kind, a.HeldOn }, update: null, ct) == 0) return 0;
            db.Audit(AuditAction.AttendanceRecorded, User.UserId(), Programme.OrganisationId, ProgrammeId, $"enrolment:{row.EnrolmentId}", $"{row.Kind} on {row.HeldOn:yyyy-MM-dd}");
            return await db.SaveChangesAsync(ct);
        }, ct);
        return RedirectToPage("/Preparation/Readiness", new { programmeId = ProgrammeId, done = "attendance" });
    }

    public async Task<IActionResult> OnPostPatientAsync(Guid enrolmentId, bool patient, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId && e.ProgrammeId == ProgrammeId && e.Role == ProgrammeRole.Mentor, ct);
        if (enrolment is null) return NotFound();
        // Saying what the programme's type already says is stored as "follow the type".
        enrolment.IsPatientMentor = patient == (Programme.Type == ProgrammeType.PatientAsMentor) ? null : patient;
        db.Audit(AuditAction.PatientMentorSet, User.UserId(), Programme.OrganisationId, ProgrammeId, $"enrolment:{enrolment.Id}", patient ? "Patient or carer" : "Staff");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Preparation/Readiness", new { programmeId = ProgrammeId, done = "patient" });
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        Modules = await queries.ModulesAsync(Programme, ct);
        // The mentees' module is listed with how many mentees taking part have done it; it is no part of mentors' readiness.
        var mentees = db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.Role == ProgrammeRole.Mentee && e.Status == EnrolmentStatus.Consented).Select(e => e.Id);
        MenteesTakingPart = await mentees.CountAsync(ct);
        MenteeCompletions = (await db.ModuleCompletions.Where(c => mentees.Contains(c.EnrolmentId)).GroupBy(c => c.ModuleKey).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var consented = queries.ConsentedMentors(ProgrammeId);
        MentorsTakingPart = await consented.CountAsync(ct);
        var typeIsPatient = Programme.Type == ProgrammeType.PatientAsMentor;
        var patients = consented.Where(e => e.IsPatientMentor == true || (e.IsPatientMentor == null && typeIsPatient));
        PatientMentorsTakingPart = await patients.CountAsync(ct);
        MentorCompletions = (await db.ModuleCompletions.Where(c => consented.Any(e => e.Id == c.EnrolmentId)).GroupBy(c => c.ModuleKey).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        PatientMentorCompletions = (await db.ModuleCompletions.Where(c => patients.Any(e => e.Id == c.EnrolmentId)).GroupBy(c => c.ModuleKey).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);

        // The mentors' table a page at a time: counted and paged in the database, readiness read for this page only.
        var listed = consented.Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, u.DisplayName });
        if (ListSearch.Term(Search) is { } term)
        {
            listed = listed.Where(m => m.DisplayName.ToLower().Contains(term) || m.ParticipantCode.ToLower().Contains(term));
        }
        Paging = ListPage.Of(PageNumber, PageSize, await listed.CountAsync(ct));
        PageNumber = Paging.Number;
        var ids = await listed.OrderBy(m => m.ParticipantCode).ThenBy(m => m.Id).Skip(Paging.Skip).Take(Paging.Size).Select(m => m.Id).ToListAsync(ct);
        Mentors = await queries.MentorsAsync(Programme, ids, ct);
        Settings = await queries.SettingsAsync(ProgrammeId, ct);
        return null;
    }
}
