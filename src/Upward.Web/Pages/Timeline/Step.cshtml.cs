using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Timeline;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Timeline;

/// <summary>Sets the first and last day of one step of the timeline; every change is audited with the old and new dates.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class StepModel(UpwardDbContext db) : ProgrammePageModel
{
    [FromRoute(Name = "step")] public string? StepName { get; set; }
    [BindProperty] public DatesInput Input { get; set; } = new();

    public TimelineStep Step { get; private set; }

    public sealed class DatesInput
    {
        public DayFields Start { get; set; } = new();
        public DayFields End { get; set; } = new();
    }

    /// <summary>The three boxes of one NHS.UK date input.</summary>
    public sealed class DayFields
    {
        public string? Day { get; set; }
        public string? Month { get; set; }
        public string? Year { get; set; }
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var steps = await TimelineQuery.ForAsync(db, Programme, ct);
        if (!Enum.TryParse<TimelineStep>(StepName, ignoreCase: true, out var step) || !steps.Contains(step) || int.TryParse(StepName, out _))
        {
            return NotFound();
        }
        Step = step;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var entry = await db.TimelineEntries.SingleOrDefaultAsync(t => t.ProgrammeId == ProgrammeId && t.Step == Step, ct);
        if (entry?.StartsOn is { } s) Input.Start = Fields(s);
        if (entry?.EndsOn is { } e) Input.End = Fields(e);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var starts = Read(Input.Start, "Input.Start.Day", "first");
        var ends = Read(Input.End, "Input.End.Day", "last");
        if (ModelState.IsValid && starts is { } a && ends is { } b && b < a)
        {
            ModelState.AddModelError("Input.End.Day", "The last day must be the same as or after the first day");
        }
        if (!ModelState.IsValid) return Page();

        await db.WriteAtomicallyAsync(async ct =>
        {
            await db.LockAsync<Programme>(ProgrammeId, ct);
            var entry = await db.TimelineEntries.SingleOrDefaultAsync(t => t.ProgrammeId == ProgrammeId && t.Step == Step, ct);
            if (entry is null)
            {
                entry = new TimelineEntry { ProgrammeId = ProgrammeId, Step = Step };
                db.TimelineEntries.Add(entry);
            }
            var before = Range(entry.StartsOn, entry.EndsOn);
            entry.Plan(starts, ends);
            db.Audit(AuditAction.TimelineChanged, User.UserId(), Programme.OrganisationId, ProgrammeId, Step.ToString(), $"{before} → {Range(starts, ends)}");
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        return RedirectToPage("/Timeline/Index", new { programmeId = ProgrammeId });
    }

    private static string Range(DateOnly? starts, DateOnly? ends) =>
        starts is null && ends is null ? "no dates" : $"{starts?.ToString("yyyy-MM-dd") ?? "no first day"} to {ends?.ToString("yyyy-MM-dd") ?? "no last day"}";

    /// <summary>A date left wholly empty means "not set"; one partly filled or not real is an error.</summary>
    private DateOnly? Read(DayFields f, string field, string which)
    {
        if (string.IsNullOrWhiteSpace(f.Day) && string.IsNullOrWhiteSpace(f.Month) && string.IsNullOrWhiteSpace(f.Year)) return null;
        var date = DateParts.Parse(f.Day, f.Month, f.Year);
        if (date is null) ModelState.AddModelError(field, $"Enter a real date for the {which} day, like 14 3 2027");
        return date;
    }

    private static DayFields Fields(DateOnly d) => new()
    {
        Day = d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Month = d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Year = d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
