namespace Upward.Core.Organisations;

/// <summary>An NHS trust, board or other body that runs programmes; nothing crosses between organisations.</summary>
public sealed class Organisation
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string Name { get; set; }

    /// <summary>IANA zone in which times are shown; stored times are always UTC.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public DateTime CreatedAtUtc { get; init; }
}
