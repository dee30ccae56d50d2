namespace Upward.Data.Sealing;

/// <summary>
/// Where the sealing key ring lives: the keys that seal what the database must not be able to read on
/// its own (pending anonymous ballots, organisations' sign-in client secrets). A folder on disk, never
/// the database, so a copy of the database alone opens nothing sealed. Read by the web app, and by the
/// command line to remind whoever takes a backup that this folder needs its own.
/// </summary>
public static class SealingKeysLocation
{
    /// <summary>The setting (environment: <c>Upward__SealingKeys__Directory</c>); every instance must name the same keys.</summary>
    public const string Setting = "Upward:SealingKeys:Directory";

    public const string EnvironmentVariable = "Upward__SealingKeys__Directory";

    /// <summary>The configured folder, or the default under the running account's local data folder.</summary>
    public static string Folder(string? configured) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "upward", "sealing-keys")
            : Path.GetFullPath(configured);
}
