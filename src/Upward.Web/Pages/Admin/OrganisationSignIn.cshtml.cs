using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Organisations;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Identity.OrganisationSignIn;
using Upward.Web.Startup;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Admin;

/// <summary>
/// The organisation administrator's sign-in settings: its OpenID Connect provider and the rules for
/// staff. Every change is audited by field name; the secret is written sealed and never shown back.
/// </summary>
[Authorize(Policy = Policies.OrganisationAdmin)]
public sealed class OrganisationSignInModel(UpwardDbContext db, OrganisationProviderOptions providerOptions, TimeProvider clock) : PageModel
{
    public const string Enabled = "enabled";
    public const string StaffOnly = "staff-only";
    public const string SecondFactor = "second-factor";
    public const string TrustEmails = "trust-emails";

    [BindProperty] public SettingsInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }
    public bool HasSecret { get; private set; }
    public string RedirectUri { get; private set; } = "";

    public IReadOnlyList<RadioOption> SwitchOptions { get; } =
    [
        new(Enabled, "Offer organisation sign-in", "People can sign in with the provider above."),
        new(StaffOnly, "Staff must use organisation sign-in", "Administrators, coordinators, facilitators and researchers cannot sign in with a password."),
        new(SecondFactor, "Staff with a password must use a second factor", "Administrators, coordinators and researchers who sign in with a password set up an authenticator app before anything else."),
        new(TrustEmails, "Trust the provider's email addresses", "For Microsoft Entra ID (including NHSmail), which does not say whether an address is verified. Only addresses in the allowed domains are accepted either way, and an address the provider calls unverified never is."),
    ];

    public sealed class SettingsInput
    {
        public string? ProviderName { get; set; }
        public string? Issuer { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public string? AllowedEmailDomains { get; set; }
        public List<string> Switches { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var settings = await LoadAsync(ct);
        if (settings is not null)
        {
            Input = new SettingsInput
            {
                ProviderName = settings.ProviderName,
                Issuer = settings.Issuer,
                ClientId = settings.ClientId,
                AllowedEmailDomains = string.Join('\n', settings.Domains),
                Switches = SwitchesOf(settings),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var organisationId = User.OrganisationOf();
        if (organisationId is null)
        {
            return NotFound();
        }
        var settings = await LoadAsync(ct);
        Validate(settings);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var isNew = settings is null;
        settings ??= new OrganisationSignInSettings { OrganisationId = organisationId.Value };
        var before = Describe(settings);
        settings.ProviderName = Input.ProviderName?.Trim() ?? "";
        settings.Issuer = Input.Issuer?.Trim() ?? "";
        settings.ClientId = Input.ClientId?.Trim() ?? "";
        settings.AllowedEmailDomains = string.Join('\n', EmailDomains.Parse(Input.AllowedEmailDomains));
        settings.Enabled = Input.Switches.Contains(Enabled);
        settings.OrganisationSignInOnlyForStaff = Input.Switches.Contains(StaffOnly);
        settings.RequireSecondFactorForStaff = Input.Switches.Contains(SecondFactor);
        settings.TrustProviderEmails = Input.Switches.Contains(TrustEmails);
        var changes = Changes(before, Describe(settings));
        if (!string.IsNullOrEmpty(Input.ClientSecret))
        {
            settings.ProtectedClientSecret = providerOptions.SecretProtector.Protect(Input.ClientSecret);
            changes.Add("ClientSecret: replaced");
        }
        if (changes.Count > 0)
        {
            settings.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            if (isNew)
            {
                db.OrganisationSignInSettings.Add(settings);
            }
            db.Audit(AuditAction.OrganisationSignInChanged, User.UserId(), organisationId, subject: $"organisation:{organisationId}", detail: string.Join("; ", changes));
            await db.SaveChangesAsync(ct);
        }
        return RedirectToPage(new { saved = "true" });
    }

    private void Validate(OrganisationSignInSettings? existing)
    {
        var enabled = Input.Switches.Contains(Enabled);
        if (Input.Switches.Except([Enabled, StaffOnly, SecondFactor, TrustEmails]).Any())
        {
            ModelState.AddModelError("Input.Switches", "Select only the rules listed");
        }
        if (Input.Switches.Contains(StaffOnly) && !enabled)
        {
            ModelState.AddModelError("Input.Switches", "Offer organisation sign-in before requiring staff to use it");
        }
        var anyProvider = enabled || !string.IsNullOrWhiteSpace(Input.Issuer) || !string.IsNullOrWhiteSpace(Input.ClientId);
        if (!anyProvider)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(Input.ProviderName))
        {
            ModelState.AddModelError("Input.ProviderName", "Enter the provider name people will see, like NHSmail");
        }
        else if (Input.ProviderName.Trim().Length > 100)
        {
            ModelState.AddModelError("Input.ProviderName", "Provider name must be 100 characters or fewer");
        }
        var issuer = Input.Issuer?.Trim();
        if (string.IsNullOrEmpty(issuer))
        {
            ModelState.AddModelError("Input.Issuer", "Enter the issuer address, like https://login.microsoftonline.com/{tenant id}/v2.0");
        }
        else if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || issuer.Length > 500
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && providerOptions.AllowHttpIssuers))
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            ModelState.AddModelError("Input.Issuer", "Enter the issuer as an address starting with https://, with nothing after a ? or #");
        }
        if (string.IsNullOrWhiteSpace(Input.ClientId))
        {
            ModelState.AddModelError("Input.ClientId", "Enter the client ID");
        }
        else if (Input.ClientId.Trim().Length > 200)
        {
            ModelState.AddModelError("Input.ClientId", "Client ID must be 200 characters or fewer");
        }
        if (string.IsNullOrEmpty(Input.ClientSecret) && string.IsNullOrEmpty(existing?.ProtectedClientSecret))
        {
            ModelState.AddModelError("Input.ClientSecret", "Enter the client secret");
        }
        else if (Input.ClientSecret is { Length: > 1000 })
        {
            ModelState.AddModelError("Input.ClientSecret", "Client secret must be 1000 characters or fewer");
        }
        var domains = EmailDomains.Parse(Input.AllowedEmailDomains);
        if (domains.Count == 0)
        {
            ModelState.AddModelError("Input.AllowedEmailDomains", "Enter at least one email domain, like nhs.net");
        }
        else if (domains.FirstOrDefault(d => !EmailDomains.IsWellFormed(d)) is { } bad)
        {
            ModelState.AddModelError("Input.AllowedEmailDomains", $"Enter domains like nhs.net, one a line: {bad} is not one");
        }
        else if (string.Join('\n', domains).Length > 2000)
        {
            ModelState.AddModelError("Input.AllowedEmailDomains", "Enter fewer domains (at most 2,000 characters in all)");
        }
    }

    private async Task<OrganisationSignInSettings?> LoadAsync(CancellationToken ct)
    {
        var organisationId = User.OrganisationOf();
        RedirectUri = $"{Request.Scheme}://{Request.Host}{OrganisationProviderOptions.CallbackPath(organisationId ?? Guid.Empty)}";
        var settings = await db.OrganisationSignInSettings.SingleOrDefaultAsync(s => s.OrganisationId == organisationId, ct);
        HasSecret = !string.IsNullOrEmpty(settings?.ProtectedClientSecret);
        return settings;
    }

    private static List<string> SwitchesOf(OrganisationSignInSettings s) =>
        [.. new[] { (s.Enabled, Enabled), (s.OrganisationSignInOnlyForStaff, StaffOnly), (s.RequireSecondFactorForStaff, SecondFactor), (s.TrustProviderEmails, TrustEmails) }.Where(x => x.Item1).Select(x => x.Item2)];

    // Every setting but the secret, by name, so the audit entry can say what changed from what.
    private static Dictionary<string, string> Describe(OrganisationSignInSettings s) => new()
    {
        ["ProviderName"] = s.ProviderName,
        ["Issuer"] = s.Issuer,
        ["ClientId"] = s.ClientId,
        ["AllowedEmailDomains"] = string.Join(", ", s.Domains),
        ["Enabled"] = s.Enabled ? "yes" : "no",
        ["OrganisationSignInOnlyForStaff"] = s.OrganisationSignInOnlyForStaff ? "yes" : "no",
        ["RequireSecondFactorForStaff"] = s.RequireSecondFactorForStaff ? "yes" : "no",
        ["TrustProviderEmails"] = s.TrustProviderEmails ? "yes" : "no",
    };

    private static List<string> Changes(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. after.Where(a => before[a.Key] != a.Value).Select(a => $"{a.Key}: {Shown(before[a.Key])} → {Shown(a.Value)}")];

    private static string Shown(string value) => value.Length == 0 ? "(none)" : value;
}
