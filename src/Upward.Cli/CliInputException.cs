namespace Upward.Cli;

/// <summary>
/// Bad input from the person at the terminal: the command prints the message as one line on
/// standard error and exits with <see cref="CliApp.BadInput"/>, printing nothing on standard output.
/// </summary>
public sealed class CliInputException(string message) : Exception(message);
