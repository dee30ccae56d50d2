using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Bundles;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Evaluation;

/// <summary>
/// The coordinator chooses the evaluation's outcomes (one primary) and α before the results exist.
/// Once the first answer after the intervention arrives the plan is fixed: shown with its SHA-256,
/// and any change refused.
/// </summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class AnalysisPlanModel(UpwardDbContext db, TimeProvider clock) : ProgrammePageModel
{
    [BindProperty] public PlanInput Input { get; set; } = new();
    public AnalysisPlans.Current Current { get; private set; } = null!;
    public bool Saved { get; private set; }
    public IReadOnlyList<RadioOption> OutcomeOptions { get; private set; } = [];

    public static readonly IReadOnlyList<RadioOption> AlphaOptions =
    [
        new("0.05", "0.05", "The study's, and the usual choice"),
        new("0.01", "0.01", "Stricter: fewer false findings, but more people needed"),
    ];

    public static readonly IReadOnlyList<RadioOption> DesignOptions =
    [
        new(AnalysisPlan.SingleGroupBeforeAfter, DesignName(AnalysisPlan.SingleGroupBeforeAfter), "Everyone answers before and after; the published method. It cannot tell the programme's effect from what changes anyway over time."),
        new(AnalysisPlan.WaitlistControl, DesignName(AnalysisPlan.WaitlistControl), "Mentees, or whole departments, are randomised to start now or later. The later group answers the before questionnaire twice, and its change while waiting is the comparison. Everyone is mentored, some later."),
        new(AnalysisPlan.SteppedWedge, DesignName(AnalysisPlan.SteppedWedge), "Departments are drawn into 2 to 6 steps that start a few weeks apart. Each later step answers the before questionnaire again when it starts. The report compares the first period only: the first step mentored against the later steps waiting."),
    ];

    /// <summary>A design as the page and the report name it.</summary>
    public static string DesignName(string design) => design switch
    {
        AnalysisPlan.WaitlistControl => "Waitlist control: start now or later, by randomisation",
        AnalysisPlan.SteppedWedge => "Stepped wedge: departments start in steps, by randomisation",
        _ => "One group, before and after",
    };

    public sealed class PlanInput
    {
        public string? Design { get; set; }
        public string? Primary { get; set; }
        public List<string> Secondary { get; set; } = [];
        public string? Alpha { get; set; }
    }

    public IActionResult OnGet(bool saved)
    {
        Saved = saved;
        Input = new PlanInput
        {
            Design = Current.Plan.Design,
            Primary = Key(Current.Plan.Primary),
            Secondary = [.. Current.Plan.Outcomes.Where(o => !o.Primary).Select(Key)],
            Alpha = Current.Plan.Alpha.ToString(CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Current.FixedAtUtc is not null)
        {
            ModelState.AddModelError("Input.Primary", "The analysis plan is fixed: an answer after the intervention has arrived, so it can no longer change");
            return Page();
        }
        var candidates = AnalysisPlan.Candidates(Programme.Type).ToDictionary(Key);
        Outcome? primary = Input.Primary is { } p && candidates.TryGetValue(p, out var found) ? found with { Primary = true } : null;
        if (primary is null) ModelState.AddModelError("Input.Primary", "Select the primary outcome");
        if (Input.Secondary.Any(s => !candidates.ContainsKey(s))) ModelState.AddModelError("Input.Secondary", "Select secondary outcomes from the list");
        // Choosing a secondary outcome as the primary one moves it: it is not also kept as secondary.
        Input.Secondary = [.. Input.Secondary.Where(s => s != Input.Primary).Distinct()];
        double? alpha = double.TryParse(Input.Alpha, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && AnalysisPlan.Alphas.Contains(a) ? a : null;
        if (alpha is null) ModelState.AddModelError("Input.Alpha", "Select the significance level");
        // A form without the design (an older page, a script) keeps the plan's.
        string? design = Input.Design is null ? Current.Plan.Design : AnalysisPlan.Designs.FirstOrDefault(d => d == Input.Design);
        if (design is null) ModelState.AddModelError("Input.Design", "Select the design");
        if (!ModelState.IsValid) return Page();

        var plan = new AnalysisPlan(design!, alpha!.Value,
            [primary!, .. Input.Secondary.Select(s => candidates[s])]);
        if (AnalysisPlan.Check(plan.Design, plan.Outcomes, plan.Alpha) is { } problem)
        {
            ModelState.AddModelError(problem.Contains("primary", StringComparison.Ordinal) ? "Input.Primary" : "Input.Design", problem);
            return Page();
        }
        if (await db.WaitlistAllocations.Where(a => a.ProgrammeId == ProgrammeId).Select(a => a.Design).SingleOrDefaultAsync(ct) is { } drawn && drawn != plan.Design)
        {
            // The arms or steps are drawn and stored: another design would leave them unexplained.
            ModelState.AddModelError("Input.Design", drawn == AnalysisPlan.SteppedWedge
                ? "Departments have already been drawn to steps, so the design stays a stepped wedge"
                : "Mentees have already been randomised to start now or later, so the design stays a waitlist control");
            return Page();
        }
        var saved = await db.WriteAtomicallyAsync(async ct =>
        {
            // In the programme's turn, and checked again inside it: an answer after the intervention
            // arriving at the same moment fixes the plan, and then this save must not land.
            await db.LockAsync<Programme>(ProgrammeId, ct);
            if (await db.FixedAtAsync(ProgrammeId, ct) is not null) return false;
            var stored = await db.AnalysisPlans.SingleOrDefaultAsync(s => s.ProgrammeId == ProgrammeId, ct);
            if (stored is null)
            {
                stored = new StoredAnalysisPlan { ProgrammeId = ProgrammeId, Json = "" };
                db.AnalysisPlans.Add(stored);
            }
            stored.Json = plan.CanonicalJson();
            stored.SavedAtUtc = clock.GetUtcNow().UtcDateTime;
            db.Audit(AuditAction.AnalysisPlanSaved, User.UserId(), Programme.OrganisationId, ProgrammeId, "analysis-plan", $"sha256 {plan.Sha256()}");
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        if (!saved)
        {
            ModelState.AddModelError("Input.Primary", "The analysis plan is fixed: an answer after the intervention has arrived, so it can no longer change");
            return Page();
        }
        return RedirectToPage("/Evaluation/AnalysisPlan", new { programmeId = ProgrammeId, saved = "true" });
    }

    /// <summary>How the outcome reads on the page and in the report.</summary>
    public static string Describe(Outcome o) =>
        $"{(o.Audience == BundleRole.Mentor ? "Mentors" : "Mentees")}’ {o.Score}, {BundleNames.Describe(o.From)} to {BundleNames.Describe(o.To)}";

    private static string Key(Outcome o) => $"{BundleNames.Of(o.Audience)}:{o.Score}:{BundleNames.Of(o.From)}:{BundleNames.Of(o.To)}";

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        Current = await db.CurrentAsync(Programme, ct);
        OutcomeOptions = [.. AnalysisPlan.Candidates(Programme.Type).Select(o => new RadioOption(Key(o), Describe(o)))];
        return null;
    }
}
