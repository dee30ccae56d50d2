namespace Upward.Core.Matching;

/// <summary>An instance that breaks the matching contract; the message names the offending id or index.</summary>
public sealed class MatchingInputException(string message) : FormatException(message);
