namespace Upward.Core.Matching;

/// <summary>One chosen pair: mentor and mentee by index into the instance, and the pair's weight.</summary>
public readonly record struct Assignment(int Mentor, int Mentee, int Weight);
