namespace Upward.Core.Preparation;

/// <summary>One multiple-choice question at the end of a module, with the right answer and why.</summary>
public sealed record SelfCheckQuestion(string Text, IReadOnlyList<string> Options, int RightOption, string Explanation);
