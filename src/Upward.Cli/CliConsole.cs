namespace Upward.Cli;

/// <summary>The three streams a command may use; tests pass in-memory ones.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error);
