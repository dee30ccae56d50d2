using Microsoft.AspNetCore.Identity;

namespace Upward.Data.Identity;

/// <summary>A person who can sign in. Their part in each programme lives on an enrolment, not here.</summary>
public sealed class UpwardUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    /// <summary>The organisation the person belongs to; null only for the set-up administrator before one exists.</summary>
    public Guid? OrganisationId { get; set; }

    public DateTime CreatedAtUtc { get; init; }
}
