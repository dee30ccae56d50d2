namespace Upward.Core.Bundles;

/// <summary>The snake_case names the bundle uses for its enumerations, both ways.</summary>
public static class BundleNames
{
    private static readonly string[] Roles = ["mentor", "mentee"];
    private static readonly string[] Stages = ["before_phase_1", "after_phase_1", "before_phase_2", "after_phase_2", "before", "after", "before_again"];
    private static readonly string[] ItemTypes = ["scale", "domain_grid", "yes_no", "single_choice", "minutes", "free_text"];
    private static readonly string[] TimesFelt = ["too_short", "about_right", "too_long"];
    private static readonly string[] Arms = ["start_now", "start_later"];

    /// <summary>The bundle name of a waitlist arm.</summary>
    public static string Of(Designs.Arm arm) => Arms[(int)arm];

    internal static bool TryArm(string name, out Designs.Arm arm) => TryParse(Arms, name, out arm);
    internal static string ArmChoices => Choices(Arms);

    /// <summary>The bundle name of a role.</summary>
    public static string Of(BundleRole role) => Roles[(int)role];

    /// <summary>The bundle name of a stage.</summary>
    public static string Of(BundleStage stage) => Stages[(int)stage];

    /// <summary>The bundle name of an item type.</summary>
    public static string Of(BundleItemType type) => ItemTypes[(int)type];

    /// <summary>The bundle name of how a session's time felt.</summary>
    public static string Of(TimeFelt felt) => TimesFelt[(int)felt];

    /// <summary>Programme order of stages: a single-phase programme's "before" comes first and its "after" last.</summary>
    public static int StageOrder(BundleStage stage) => stage switch
    {
        BundleStage.Before => 0,
        BundleStage.BeforePhase1 => 1,
        BundleStage.AfterPhase1 => 2,
        BundleStage.BeforePhase2 => 3,
        // The waiting list answers "before" again just before the others answer "after".
        BundleStage.BeforeAgain => 4,
        BundleStage.AfterPhase2 => 5,
        BundleStage.After => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>A stage as a reader would say it: "before phase 1".</summary>
    public static string Describe(BundleStage stage) => Of(stage).Replace('_', ' ');

    internal static bool TryRole(string name, out BundleRole role) => TryParse(Roles, name, out role);
    internal static bool TryStage(string name, out BundleStage stage) => TryParse(Stages, name, out stage);
    internal static bool TryItemType(string name, out BundleItemType type) => TryParse(ItemTypes, name, out type);
    internal static bool TryTimeFelt(string name, out TimeFelt felt) => TryParse(TimesFelt, name, out felt);

    internal static string Choices(string[] names) => string.Join(", ", names.Select(n => $"\"{n}\""));
    internal static string RoleChoices => Choices(Roles);
    internal static string StageChoices => Choices(Stages);
    internal static string ItemTypeChoices => Choices(ItemTypes);
    internal static string TimeFeltChoices => Choices(TimesFelt);

    private static bool TryParse<T>(string[] names, string name, out T value) where T : struct, Enum
    {
        int index = Array.IndexOf(names, name);
        value = index < 0 ? default : (T)(object)index;
        return index >= 0;
    }
}
