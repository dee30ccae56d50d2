namespace Upward.Core.Allocation;

/// <summary>What best-fit allocation counts, beyond matching as many mentees as possible.</summary>
[Flags]
public enum BestFitConsiderations
{
    None = 0,

    /// <summary>A mentee named the mentor as one they would like to meet.</summary>
    MenteeWishes = 1,

    /// <summary>Both named the same specialty.</summary>
    SharedSpecialty = 2,

    /// <summary>Both chose some of the same topics.</summary>
    SharedTopics = 4,

    /// <summary>They work in different departments, so neither manages or works beside the other.</summary>
    DifferentDepartment = 8,

    All = MenteeWishes | SharedSpecialty | SharedTopics | DifferentDepartment,
}
