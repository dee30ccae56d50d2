using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// The mentee's action plan: what they will change after hearing their mentor, with due dates and
/// where each stands. It is the mentee's own; the mentor's pages do not show it.
/// </summary>
public sealed class PairActionsModel(UpwardDbContext db, TimeProvider clock) : PairPageModel(db)
{
    [BindProperty] public ActionInput NewAction { get; set; } = new();

    public IReadOnlyList<ActionPlanItem> Actions { get; private set; } = [];

    public static readonly IReadOnlyList<RadioOption> ActionStatusOptions =
    [
        new(nameof(ActionStatus.NotStarted), "Not started"), new(nameof(ActionStatus.InProgress), "In progress"), new(nameof(ActionStatus.Done), "Done"),
    ];

    public sealed class ActionInput
    {
        [Required(ErrorMessage = "Enter the action")]
        [StringLength(1000, ErrorMessage = "An action must be 1,000 characters or fewer")]
        public string? Text { get; set; }
        public string? DueDay { get; set; }
        public string? DueMonth { get; set; }
        public string? DueYear { get; set; }
    }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(NewAction.Text) && !ModelState.ContainsKey("NewAction.Text")) ModelState.AddModelError("NewAction.Text", "Enter the action");
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(NewAction.DueDay) || !string.IsNullOrWhiteSpace(NewAction.DueMonth) || !string.IsNullOrWhiteSpace(NewAction.DueYear))
        {
            due = DateParts.Parse(NewAction.DueDay, NewAction.DueMonth, NewAction.DueYear);
            if (due is null) ModelState.AddModelError("NewAction.DueDay", "Enter a real due date, like 31 1 2027, or leave it empty");
        }
        if (!ModelState.IsValid) return Page();
        Db.ActionPlanItems.Add(new ActionPlanItem { PairingId = Pair.Pairing.Id, MenteeEnrolmentId = Pair.MyEnrolmentId, Action = NewAction.Text!.Trim(), DueOn = due, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        await Db.SaveChangesAsync(ct);
        return Redirect(PairPath("actions"));
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid actionId, ActionStatus? status, CancellationToken ct)
    {
        if (Actions.SingleOrDefault(a => a.Id == actionId) is not { } item) return NotFound();
        if (status is { } s && Enum.IsDefined(s))
        {
            item.Status = s;
            await Db.SaveChangesAsync(ct);
        }
        return Redirect(PairPath("actions"));
    }

    /// <summary>Only the mentee has an action plan; to the mentor this page does not exist.</summary>
    protected override async Task<IActionResult?> OnPairLoadedAsync(CancellationToken ct)
    {
        if (Pair.Side != SessionSide.Mentee) return NotFound();
        Actions = await Db.ActionPlanItems.Where(a => a.PairingId == Pair.Pairing.Id).OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        return null;
    }
}
