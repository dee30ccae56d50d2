namespace Upward.Core.People;

/// <summary>
/// Optional, banded facts about a participant. Only ever reported in aggregate, and never in a
/// cell smaller than the programme's threshold. Every value must be one of the bands in <see cref="Demographics"/>.
/// </summary>
public sealed class DemographicBands
{
    public string? Gender { get; set; }
    public string? AgeBand { get; set; }
    public string? StaffGroup { get; set; }
    public string? Grade { get; set; }
    public string? YearsInRole { get; set; }
    public string? PriorMentoring { get; set; }

    public bool IsEmpty => Gender is null && AgeBand is null && StaffGroup is null && Grade is null && YearsInRole is null && PriorMentoring is null;

    public DemographicBands Copy() => (DemographicBands)MemberwiseClone();
}
