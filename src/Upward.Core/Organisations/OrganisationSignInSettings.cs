namespace Upward.Core.Organisations;

/// <summary>
/// How an organisation's people sign in: its OpenID Connect provider, if it has one, and whether
/// staff must use it or a second factor. One row per organisation, written by its administrator.
/// </summary>
public sealed class OrganisationSignInSettings
{
    public Guid OrganisationId { get; init; }

    /// <summary>Shown on the sign-in button: "Sign in with NHSmail".</summary>
    public string ProviderName { get; set; } = "";

    /// <summary>The provider's issuer; its discovery document is read from here.</summary>
    public string Issuer { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The client secret as Data Protection sealed it; never shown back or logged.</summary>
    public string ProtectedClientSecret { get; set; } = "";

    /// <summary>Domains whose addresses may sign in through the provider, one per line ("nhs.net").</summary>
    public string AllowedEmailDomains { get; set; } = "";

    public bool Enabled { get; set; }

    /// <summary>Administrators, coordinators, facilitators and researchers may not sign in with a password.</summary>
    public bool OrganisationSignInOnlyForStaff { get; set; }

    /// <summary>
    /// Take the provider's email address as the person's when it sends no <c>email_verified</c> claim
    /// (a claim of false is still refused).
    /// Microsoft Entra ID (NHSmail among its tenants) does not send that claim by default, yet its
    /// addresses in the organisation's own domains are issued by the organisation itself.
    /// </summary>
    public bool TrustProviderEmails { get; set; }

    /// <summary>Administrators, coordinators and researchers with a password must also use a second factor.</summary>
    public bool RequireSecondFactorForStaff { get; set; }

    /// <summary>Changes on every save, so a cached copy of the provider's options knows it is stale.</summary>
    public DateTime UpdatedAtUtc { get; set; }

    public IReadOnlyList<string> Domains => EmailDomains.Parse(AllowedEmailDomains);

    public bool AllowsEmail(string? email) => EmailDomains.Allows(Domains, email);
}

/// <summary>The allowed-domains rule: an address's domain must be one on the list exactly (no subdomains).</summary>
public static class EmailDomains
{
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.TrimStart('@').ToLowerInvariant())
            .Where(d => d.Length > 0)
            .Distinct()
            .ToList();

    /// <summary>Whether a domain is written as one: letters, digits, hyphens and at least one dot.</summary>
    public static bool IsWellFormed(string domain) =>
        domain.Length <= 253 && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..")
        && domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');

    public static string? DomainOf(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at <= 0 || at == email!.Length - 1 ? null : email[(at + 1)..].Trim().ToLowerInvariant();
    }

    public static bool Allows(IReadOnlyList<string> domains, string? email) =>
        DomainOf(email) is { } domain && domains.Contains(domain);
}
