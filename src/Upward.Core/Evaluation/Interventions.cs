using Upward.Core.Bundles;

namespace Upward.Core.Evaluation;

/// <summary>
/// Whether the programme did anything between two stages. After phase 1 and before phase 2 are
/// answered back to back, with no mentoring between them: a difference there is drift or noise, and
/// the report labels it as a check of stability, never as a result.
/// </summary>
public static class Interventions
{
    public static bool Between(BundleStage from, BundleStage to) =>
        !(from == BundleStage.AfterPhase1 && to == BundleStage.BeforePhase2);

    public const string NoneBetweenLabel =
        "No part of the programme took place between these two stages, so this shows only whether scores held steady. It is not a result of the programme.";
}
