namespace Upward.Data;

/// <summary>The database was brought to a schema this build of Upward does not know, so it is left untouched.</summary>
public sealed class UnknownSchemaException(IReadOnlyList<string> unknownMigrations) : Exception(
    $"The database was made by another build of Upward (it has migration {string.Join(", ", unknownMigrations)}, which this build does not know), " +
    "so it has not been changed. A development or demo database can be deleted and made again; a real one needs the build that made it.")
{
    public IReadOnlyList<string> UnknownMigrations { get; } = unknownMigrations;
}
