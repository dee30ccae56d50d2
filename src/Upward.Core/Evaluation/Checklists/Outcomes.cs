using Upward.Core.Bundles;

namespace Upward.Core.Evaluation.Checklists;

/// <summary>An outcome in words, for the checklists: "mentors' confidence from before phase 1 to after phase 2".</summary>
internal static class Outcomes
{
    public static string Describe(Outcome outcome) =>
        $"{ReportText.Plural(outcome.Audience)}’ {outcome.Score} from {BundleNames.Describe(outcome.From)} to {BundleNames.Describe(outcome.To)}";
}
