namespace Upward.Data.Identity;

/// <summary>
/// The one-time link that creates the first administrator. Only a hash is kept, so a copy of the
/// database does not hand out the link.
/// </summary>
public sealed class SetupToken
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public required string TokenHash { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime ExpiresAtUtc { get; init; }
    public DateTime? UsedAtUtc { get; set; }
}
