namespace Upward.Core.Matching;

/// <summary>A mentee left without a mentor (by index into the instance) and why.</summary>
public readonly record struct UnmatchedMentee(int Mentee, UnmatchedReason Reason);
