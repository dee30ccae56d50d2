using Microsoft.AspNetCore.DataProtection;
using Upward.Data;
using Upward.Data.Sealing;

namespace Upward.Web.Startup;

/// <summary>
/// Upward's two Data Protection key rings, kept apart on purpose.
/// </summary>
/// <remarks>
/// <para>The general ring protects what goes out to browsers and email and comes back: sign-in and
/// antiforgery cookies, unsubscribe links, reset and confirmation tokens, OpenID Connect state. It lives
/// in the database (<c>DataProtectionKeys</c>) so that every instance behind a load balancer reads the
/// same keys: a cookie issued by one instance is accepted by the next, with nothing in local files.</para>
/// <para>The sealing ring (<see cref="SealingKeys"/>) protects what the database stores but must not be
/// able to read on its own: pending anonymous ballots (a copy of the database must not tell who wrote
/// what before k ballots are in; docs/decisions/anonymous-contributions.md) and organisations' sign-in
/// client secrets. Putting those keys in the database would hand them to anyone holding a copy, so they
/// stay in a folder (<see cref="SealingKeysLocation.Setting"/>) that instances share by path and that is
/// backed up apart from the database (docs/operations.md).</para>
/// </remarks>
internal static class DataProtectionRegistration
{
    /// <summary>One name for every instance: Data Protection otherwise isolates apps by their content root path.</summary>
    public const string ApplicationName = "Upward";

    public static void AddUpwardDataProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<UpwardDbContext>();
        builder.Services.AddSingleton(new SealingKeys(SealingKeysLocation.Folder(builder.Configuration[SealingKeysLocation.Setting])));
    }
}

/// <summary>
/// The sealing key ring: a Data Protection provider of its own over a folder outside the database (see
/// <see cref="DataProtectionRegistration"/>). Instances that share a database must share this folder
/// (the same path on one host, or a shared mount), or a ballot sealed on one cannot be opened on another.
/// </summary>
public sealed class SealingKeys(string folder)
{
    /// <summary>Its own application name, so nothing protected with the general ring opens with this one, or the reverse.</summary>
    public const string ApplicationName = "Upward.Sealing";

    public string Folder { get; } = folder;

    public IDataProtectionProvider Provider { get; } =
        DataProtectionProvider.Create(new DirectoryInfo(folder), b => b.SetApplicationName(ApplicationName));
}
