using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Preparation;

/// <summary>
/// A patient or carer mentor claims what taking part cost them: an amount, a few words and a date,
/// nothing about their health. They follow each claim's status; the coordinator moves it on.
/// </summary>
[Requires(ProgrammeCapability.ClaimExpenses)]
public sealed class ExpensesModel(UpwardDbContext db, PreparationQueries queries, TimeProvider clock) : ProgrammePageModel
{
    [BindProperty] public ClaimInput Input { get; set; } = new();
    [FromQuery] public bool Claimed { get; set; }

    public IReadOnlyList<ExpenseClaim> Claims { get; private set; } = [];
    public PreparationSettings Settings { get; private set; } = null!;
    private Enrolment _enrolment = null!;

    public sealed class ClaimInput
    {
        public string? Amount { get; set; }
        public string? Purpose { get; set; }
        public string? Day { get; set; }
        public string? Month { get; set; }
        public string? Year { get; set; }
    }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var pence = ExpenseClaim.ParsePounds(Input.Amount);
        if (pence is null) ModelState.AddModelError("Input.Amount", $"Enter the amount in pounds, like 12.50, from 0.01 to {ExpenseClaim.Pounds(ExpenseClaim.MaxPence)}");
        var purpose = Input.Purpose?.Trim();
        if (string.IsNullOrEmpty(purpose)) ModelState.AddModelError("Input.Purpose", "Enter what the money was for, like bus fare to the session");
        else if (purpose.Length > ExpenseClaim.PurposeMaxLength) ModelState.AddModelError("Input.Purpose", $"What it was for must be {ExpenseClaim.PurposeMaxLength} characters or fewer");
        var day = DateParts.Parse(Input.Day, Input.Month, Input.Year);
        if (day is null) ModelState.AddModelError("Input.Day", "Enter the date you spent it as a real date, for example 4 3 2027");
        else if (day > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1)) ModelState.AddModelError("Input.Day", "The date you spent it must be today or in the past");
        if (!ModelState.IsValid) return Page();

        var claim = new ExpenseClaim
        {
            ProgrammeId = ProgrammeId, EnrolmentId = _enrolment.Id, AmountPence = pence!.Value, Purpose = purpose!, IncurredOn = day!.Value,
            Status = ExpenseStatus.Submitted, SubmittedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ExpenseClaims.Add(claim);
        // The claim's words stay out of the audit log: only that a claim was made, and its amount.
        db.Audit(AuditAction.ExpenseClaimed, User.UserId(), Programme.OrganisationId, ProgrammeId, $"expense:{claim.Id}", ExpenseClaim.Pounds(claim.AmountPence));
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Preparation/Expenses", new { programmeId = ProgrammeId, claimed = "true" });
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var enrolment = await queries.MyEnrolmentAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct);
        if (enrolment is null) return RedirectToPage("/People/Consent", new { programmeId = ProgrammeId });
        // Expenses are for those who take part as patients or carers; staff claim through their employer.
        if (!PatientMentors.Is(enrolment, Programme.Type)) return Forbid();
        _enrolment = enrolment;
        Claims = await db.ExpenseClaims.AsNoTracking().Where(c => c.EnrolmentId == enrolment.Id).OrderByDescending(c => c.SubmittedAtUtc).ToListAsync(ct);
        Settings = await queries.SettingsAsync(ProgrammeId, ct);
        return null;
    }
}
