using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Planning;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Planning;

/// <summary>
/// The power planner: how many people the evaluation needs for a paired or a two-arm comparison,
/// beside the numbers the programme has. Nothing is stored, so the form is a GET and a result's
/// address (seed included) reproduces it.
/// </summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class PowerPlannerModel(UpwardDbContext db) : ProgrammePageModel
{
    /// <summary>Seeds stay below 2^53 so a spreadsheet or JSON reader holds them exactly, as on the allocation page.</summary>
    public const ulong MaxSeed = (1UL << 53) - 1;

    [BindProperty(SupportsGet = true)] public PowerDesign? Design { get; set; }
    [BindProperty(SupportsGet = true)] public string? Effect { get; set; }
    [BindProperty(SupportsGet = true)] public string? Alpha { get; set; }
    [BindProperty(SupportsGet = true)] public string? Power { get; set; }
    [BindProperty(SupportsGet = true)] public string? Seed { get; set; }

    /// <summary>The plan, once the form has been sent without mistakes.</summary>
    public PowerPlan? Plan { get; private set; }

    /// <summary>The programme's people who have not withdrawn or declined, by role.</summary>
    public int Mentors { get; private set; }

    /// <summary>Mentees who have not withdrawn or declined.</summary>
    public int Mentees { get; private set; }

    /// <summary>Simulated power with the programme's own numbers: a line of text each.</summary>
    public IReadOnlyList<string> PowerWithOwnNumbers { get; private set; } = [];

    public static readonly IReadOnlyList<RadioOption> DesignOptions =
    [
        new(nameof(PowerDesign.Paired), "Before and after in one group", "Everyone answers before and after; the Wilcoxon signed-rank test on the changes, as in the published study."),
        new(nameof(PowerDesign.TwoArm), "Two groups compared", "For example mentored now and mentored later (a waitlist control); the Mann–Whitney test on the change scores, with equal groups."),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var counts = await db.Enrolments
            .Where(e => e.ProgrammeId == Programme.Id && (e.Status == EnrolmentStatus.Invited || e.Status == EnrolmentStatus.Consented))
            .GroupBy(e => e.Role)
            .Select(g => new { Role = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        Mentors = counts.SingleOrDefault(c => c.Role == ProgrammeRole.Mentor)?.Count ?? 0;
        Mentees = counts.SingleOrDefault(c => c.Role == ProgrammeRole.Mentee)?.Count ?? 0;

        if (Request.Query.Count == 0)
        {
            // First visit: the conventional choices, which the coordinator can change.
            Design = PowerDesign.Paired;
            Effect = "0.5";
            Alpha = "0.05";
            Power = "0.8";
            return Page();
        }
        if (Design is null)
        {
            ModelState.AddModelError(nameof(Design), "Select the comparison the evaluation will make");
        }
        double? effect = Number(nameof(Effect), Effect, 0.1, 5, "Enter the effect as a number from 0.1 to 5, like 0.5");
        double? alpha = Number(nameof(Alpha), Alpha, 0.001, 0.2, "Enter the significance level as a number from 0.001 to 0.2, like 0.05");
        double? power = Number(nameof(Power), Power, 0.5, 0.99, "Enter the power as a number from 0.5 to 0.99, like 0.8");
        ulong? seed = ParseSeed();
        if (!ModelState.IsValid || Design is not { } design || effect is null || alpha is null || power is null || seed is null)
        {
            return Page();
        }
        Plan = PowerPlanner.Plan(design, effect.Value, alpha.Value, power.Value, seed.Value);
        Seed = seed.Value.ToString(CultureInfo.InvariantCulture);
        PowerWithOwnNumbers = OwnNumbers(design, effect.Value, alpha.Value, seed.Value);
        return Page();
    }

    private List<string> OwnNumbers(PowerDesign design, double effect, double alpha, ulong seed)
    {
        var lines = new List<string>();
        if (design == PowerDesign.Paired)
        {
            foreach (var (count, who) in new[] { (Mentors, "mentors"), (Mentees, "mentees") })
            {
                lines.Add(count < PowerPlanner.MinPeople
                    ? $"With {count} {who}: too few to test."
                    : $"With all {Math.Min(count, PowerPlanner.MaxPeople)} {who} answering before and after: power {Percent(PowerPlanner.Power(design, Math.Min(count, PowerPlanner.MaxPeople), effect, alpha, seed))}.");
            }
        }
        else
        {
            int perArm = Math.Min(Mentees / 2, PowerPlanner.MaxPeople);
            lines.Add(perArm < PowerPlanner.MinPeople
                ? $"With {Mentees} mentees split into two groups: too few to test."
                : $"With {Mentees} mentees split into two groups of {perArm}: power {Percent(PowerPlanner.Power(design, perArm, effect, alpha, seed))}.");
        }
        return lines;
    }

    /// <summary>A proportion as a whole percentage, "80%".</summary>
    public static string Percent(double proportion) => proportion.ToString("0%", CultureInfo.InvariantCulture);

    private double? Number(string key, string? text, double least, double most, string message)
    {
        if (double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= least && value <= most)
        {
            return value;
        }
        ModelState.AddModelError(key, message);
        return null;
    }

    private ulong? ParseSeed()
    {
        if (string.IsNullOrWhiteSpace(Seed))
        {
            return BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) & MaxSeed;
        }
        if (ulong.TryParse(Seed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) && seed <= MaxSeed)
        {
            return seed;
        }
        ModelState.AddModelError(nameof(Seed), $"Enter the seed as a whole number from 0 to {MaxSeed}, or leave it empty");
        return null;
    }
}
