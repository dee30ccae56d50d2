namespace Upward.Core.Planning;

/// <summary>The comparison a power calculation is for.</summary>
public enum PowerDesign
{
    /// <summary>One group answering before and after: the Wilcoxon signed-rank test on the changes.</summary>
    Paired,

    /// <summary>Two arms of equal size (for example mentored now and mentored later): the Mann–Whitney test.</summary>
    TwoArm,
}
