namespace Upward.Core.Themes;

/// <summary>
/// Carries a coded passage (start and length in an answer's text) through a later redaction, so it
/// still points at the same words: text masked before it moves it, text masked inside it changes its
/// length, and a mask that cuts across one of its ends is taken into the passage whole, so the
/// passage never starts or ends in the middle of "[redacted]".
/// </summary>
public static class PassageAfterRedaction
{
    /// <returns>The passage's start and length in the redacted text.</returns>
    public static (int Start, int Length) Map(int start, int length, Redaction.Result redaction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int from = start, to = start + length;
        foreach (var edits in redaction.Passes)
        {
            (from, to) = (Boundary(from, edits, isEnd: false), Boundary(to, edits, isEnd: true));
        }
        return (from, to - from);
    }

    /// <summary>Where a boundary lands after one pass of edits (each edit given in the text before the pass, in order, not overlapping).</summary>
    private static int Boundary(int position, IReadOnlyList<Redaction.Edit> edits, bool isEnd)
    {
        int shift = 0;
        foreach (var edit in edits)
        {
            if (edit.End <= position)
            {
                shift += edit.NewLength - edit.OldLength;
            }
            else if (edit.Start < position)
            {
                // Inside a masked stretch: a start moves back to the mask's start, an end forward to its end.
                return edit.Start + shift + (isEnd ? edit.NewLength : 0);
            }
            else
            {
                break;
            }
        }
        return position + shift;
    }
}
