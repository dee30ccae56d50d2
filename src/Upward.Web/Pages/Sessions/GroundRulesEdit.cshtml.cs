using Microsoft.AspNetCore.Mvc;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// The coordinator edits the programme's ground rules and names the lead that safety, safeguarding
/// and conduct concerns go to. Each change is a new version: pairs accept it again before their next session.
/// </summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class GroundRulesEditModel(UpwardDbContext db, TimeProvider clock) : ProgrammePageModel
{
    [BindProperty] public string? Rules { get; set; }
    [BindProperty] public string? SafetyLead { get; set; }
    public GroundRulesInForce InForce { get; private set; } = null!;
    [FromQuery] public bool Saved { get; set; }

    public IActionResult OnGet()
    {
        Rules = string.Join("\n", InForce.Rules);
        SafetyLead = InForce.SafetyLead;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (GroundRules.Check(Rules, SafetyLead) is { } error)
        {
            ModelState.AddModelError(GroundRules.Parse(Rules).Count == 0 || (Rules ?? "").Length > GroundRules.MaxLength ? nameof(Rules) : nameof(SafetyLead), error);
            return Page();
        }
        var rules = string.Join("\n", GroundRules.Parse(Rules));
        var lead = SafetyLead!.Trim();
        if (rules == string.Join("\n", InForce.Rules) && lead == InForce.SafetyLead) return RedirectToPage("/Sessions/GroundRulesEdit", new { programmeId = ProgrammeId, saved = "true" });
        var version = new GroundRulesVersion
        {
            ProgrammeId = ProgrammeId, Version = InForce.Version + 1, Rules = rules, SafetyLead = lead, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.GroundRulesVersions.Add(version);
        db.Audit(AuditAction.GroundRulesChanged, User.UserId(), Programme.OrganisationId, Programme.Id, $"ground-rules:{version.Version}");
        // Two coordinators saving at once both aim at the same next version; the unique key lets one win and the other gets the 409 page.
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Sessions/GroundRulesEdit", new { programmeId = ProgrammeId, saved = "true" });
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        InForce = await db.GroundRulesInForceAsync(ProgrammeId, ct);
        return null;
    }
}
