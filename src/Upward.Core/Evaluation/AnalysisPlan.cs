using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Upward.Core.Bundles;
using Upward.Core.Programmes;

namespace Upward.Core.Evaluation;

/// <summary>
/// What the evaluation will test, decided before the results exist: the design, the outcomes (one
/// primary) and α. It is fixed when the first answer after the intervention arrives, and its SHA-256
/// — over a canonical JSON with a fixed order and no spaces — is printed on the report, so a reader
/// can check the analysis was not chosen after seeing the data.
/// </summary>
public sealed record AnalysisPlan(string Design, double Alpha, IReadOnlyList<Outcome> Outcomes)
{
    /// <summary>One group, before and after: the published method's design.</summary>
    public const string SingleGroupBeforeAfter = "single_group_before_after";

    /// <summary>
    /// Mentees randomised to start now or later; the later arm answers the before-questionnaire again
    /// at the end of its waiting, and the headline compares the two arms' change (Mann–Whitney on
    /// change scores with the Hodges–Lehmann shift).
    /// </summary>
    public const string WaitlistControl = "waitlist_control";

    /// <summary>
    /// Departments drawn by the seed into steps that start one after another. Every mentee answers
    /// before at the start, and those of later steps answer before again when their own step starts.
    /// The headline uses the first period's contrast only: step 1's change while mentored (before to
    /// after) against the later steps' change while waiting (before to before again), by Mann–Whitney
    /// with the Hodges–Lehmann shift, each step's own paired result beside it. A full stepped-wedge
    /// mixed model (period and cluster effects) is not done.
    /// </summary>
    public const string SteppedWedge = "stepped_wedge";

    /// <summary>The designs a programme may choose, in the order offered.</summary>
    public static readonly string[] Designs = [SingleGroupBeforeAfter, WaitlistControl, SteppedWedge];

    public bool IsWaitlist => Design == WaitlistControl;

    public bool IsSteppedWedge => Design == SteppedWedge;

    /// <summary>Whether mentees are randomised (to arms or steps), so the primary outcome is compared between groups.</summary>
    public bool IsRandomised => IsWaitlist || IsSteppedWedge;

    public static readonly double[] Alphas = [0.05, 0.01];

    public Outcome Primary => Outcomes.Single(o => o.Primary);

    /// <summary>The template's plan: the study's outcomes at α = 0.05.</summary>
    public static AnalysisPlan Default(ProgrammeType type) => new(SingleGroupBeforeAfter, 0.05, Outcome.Defaults(StagesOf(type)));

    /// <summary>
    /// The outcomes a coordinator may choose from: each built-in score compared across the span where
    /// the programme acts on it (never across stages with nothing between them).
    /// </summary>
    public static IReadOnlyList<Outcome> Candidates(ProgrammeType type)
    {
        if (type == ProgrammeType.ClinicalFeedback)
        {
            return
            [
                new(BundleRole.Mentor, "confidence", BundleStage.BeforePhase1, BundleStage.AfterPhase2, false),
                new(BundleRole.Mentor, "ability", BundleStage.BeforePhase1, BundleStage.AfterPhase2, false),
                new(BundleRole.Mentor, "importance", BundleStage.BeforePhase1, BundleStage.AfterPhase2, false),
                new(BundleRole.Mentor, "understanding", BundleStage.BeforePhase1, BundleStage.AfterPhase2, false),
                new(BundleRole.Mentor, "confidence", BundleStage.BeforePhase1, BundleStage.AfterPhase1, false),
                new(BundleRole.Mentee, "awareness", BundleStage.BeforePhase2, BundleStage.AfterPhase2, false),
                new(BundleRole.Mentee, "importance", BundleStage.BeforePhase2, BundleStage.AfterPhase2, false),
                new(BundleRole.Mentee, "understanding", BundleStage.BeforePhase2, BundleStage.AfterPhase2, false),
            ];
        }
        return
        [
            new(BundleRole.Mentor, "confidence", BundleStage.Before, BundleStage.After, false),
            new(BundleRole.Mentor, "understanding", BundleStage.Before, BundleStage.After, false),
            new(BundleRole.Mentee, "awareness", BundleStage.Before, BundleStage.After, false),
            new(BundleRole.Mentee, "understanding", BundleStage.Before, BundleStage.After, false),
        ];
    }

    /// <summary>Why these choices cannot be a plan, or null: exactly one primary, no outcome twice, α from the list.</summary>
    public static string? Check(IReadOnlyList<Outcome> outcomes, double alpha) => Check(SingleGroupBeforeAfter, outcomes, alpha);

    /// <summary>
    /// As above, for a design: a known one, and for a waitlist control a primary outcome of mentees,
    /// because mentees are the people randomised to the arms.
    /// </summary>
    public static string? Check(string design, IReadOnlyList<Outcome> outcomes, double alpha)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (!Designs.Contains(design)) return "Choose a design from the list";
        if (design == WaitlistControl && outcomes.Count(o => o.Primary) == 1 && outcomes.Single(o => o.Primary).Audience != BundleRole.Mentee)
        {
            return "In a waitlist control the primary outcome must be a mentees’ score, because mentees are the people allocated to start now or later";
        }
        if (design == SteppedWedge && outcomes.Count(o => o.Primary) == 1 && outcomes.Single(o => o.Primary).Audience != BundleRole.Mentee)
        {
            return "In a stepped wedge the primary outcome must be a mentees’ score, because mentees’ departments are the ones drawn to steps";
        }
        if (outcomes.Count(o => o.Primary) != 1) return "Choose one primary outcome";
        if (outcomes.Select(o => o with { Primary = false }).Distinct().Count() != outcomes.Count) return "An outcome cannot be both primary and secondary";
        if (!Alphas.Contains(alpha)) return "Choose a significance level from the list";
        return null;
    }

    /// <summary>The canonical JSON: fixed property order, outcomes primary first then as chosen, stages and roles by their bundle names.</summary>
    public string CanonicalJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("design", Design);
            json.WriteNumber("alpha", Alpha);
            json.WriteStartArray("outcomes");
            foreach (var o in Outcomes.OrderByDescending(o => o.Primary))
            {
                json.WriteStartObject();
                json.WriteBoolean("primary", o.Primary);
                json.WriteString("audience", BundleNames.Of(o.Audience));
                json.WriteString("score", o.Score);
                json.WriteString("from", BundleNames.Of(o.From));
                json.WriteString("to", BundleNames.Of(o.To));
                // A randomised design's primary outcome is a change compared between groups; everything else stays paired.
                json.WriteString("test", !o.Primary ? "wilcoxon_signed_rank_two_sided"
                    : IsWaitlist ? "mann_whitney_change_between_arms_two_sided"
                    // The first period only: step 1 mentored against the later steps waiting.
                    : IsSteppedWedge ? "mann_whitney_first_period_change_step_1_against_later_steps_two_sided"
                    : "wilcoxon_signed_rank_two_sided");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>SHA-256 of the canonical JSON, lower-case hex.</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson())));

    /// <summary>Reads a plan stored by <see cref="CanonicalJson"/>; null when it cannot be read.</summary>
    public static AnalysisPlan? Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var outcomes = new List<Outcome>();
            foreach (var o in root.GetProperty("outcomes").EnumerateArray())
            {
                if (!BundleNames.TryRole(o.GetProperty("audience").GetString()!, out var role)
                    || !BundleNames.TryStage(o.GetProperty("from").GetString()!, out var from)
                    || !BundleNames.TryStage(o.GetProperty("to").GetString()!, out var to)) return null;
                outcomes.Add(new Outcome(role, o.GetProperty("score").GetString()!, from, to, o.GetProperty("primary").GetBoolean()));
            }
            var plan = new AnalysisPlan(root.GetProperty("design").GetString()!, root.GetProperty("alpha").GetDouble(), outcomes);
            return Check(plan.Design, plan.Outcomes, plan.Alpha) is null ? plan : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static BundleStage[] StagesOf(ProgrammeType type) =>
        type == ProgrammeType.ClinicalFeedback
            ? [BundleStage.BeforePhase1, BundleStage.AfterPhase1, BundleStage.BeforePhase2, BundleStage.AfterPhase2]
            : [BundleStage.Before, BundleStage.After];
}
