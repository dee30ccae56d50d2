using Upward.Core.Themes;

namespace Upward.Core.Tests.Themes;

/// <summary>A coded passage keeps pointing at the same words when its answer is redacted later.</summary>
public sealed class PassageAfterRedactionTests
{
    private const string Text = "At first Dr Ann Lee felt the hierarchy was steep; later Ann found new ideas on ward 7.";

    private static string After(string words, params string[] phrases)
    {
        var (start, length) = Passage.Find(Text, words)!.Value;
        var redaction = Redaction.Redact(Text, phrases);
        var (newStart, newLength) = PassageAfterRedaction.Map(start, length, redaction);
        return redaction.Text.Substring(newStart, newLength);
    }

    [Fact]
    public void A_passage_after_the_masked_words_moves_with_them()
    {
        // "Dr Ann Lee" (10 characters) becomes "[redacted]" (10), "Ann" (3) becomes 10: positions after shift by 7.
        Assert.Equal("new ideas", After("new ideas", "Dr Ann Lee", "Ann"));
        Assert.Equal("the hierarchy was steep", After("the hierarchy was steep", "Ann Lee"));
    }

    [Fact]
    public void A_passage_before_the_masked_words_stays_where_it_was()
    {
        var redaction = Redaction.Redact(Text, ["ward 7"]);
        Assert.Equal((0, 8), PassageAfterRedaction.Map(0, 8, redaction));
        Assert.Equal("At first", redaction.Text[..8]);
    }

    [Fact]
    public void A_passage_containing_masked_words_covers_the_mask_in_their_place()
    {
        Assert.Equal("later [redacted] found new ideas", After("later Ann found new ideas", "Ann"));
        Assert.Equal("[redacted] felt the hierarchy", After("Dr Ann Lee felt the hierarchy", "Dr Ann Lee"));
        Assert.Equal("ideas on [redacted]", After("ideas on ward 7", "ward 7"));
    }

    [Fact]
    public void A_passage_overlapping_a_mask_takes_the_whole_mask_in()
    {
        // The passage began inside "Dr Ann Lee" and ends inside it: it grows to the mask's edges.
        Assert.Equal("[redacted] felt", After("Ann Lee felt", "Dr Ann Lee"));
        Assert.Equal("first [redacted]", After("first Dr Ann", "Dr Ann Lee"));
    }

    [Fact]
    public void A_passage_wholly_inside_masked_words_becomes_the_mask()
    {
        Assert.Equal("[redacted]", After("Ann", "Dr Ann Lee"));
    }

    [Fact]
    public void Masks_that_shorten_or_lengthen_the_text_and_several_passes_are_all_followed()
    {
        // "Ann" lengthens by 7; "the hierarchy was steep" (23) shortens by 13; applied longest first.
        Assert.Equal("[redacted] found new ideas on ward 7.", After("Ann found new ideas on ward 7.", "Ann", "the hierarchy was steep"));
        Assert.Equal("felt [redacted]; later [redacted] found", After("felt the hierarchy was steep; later Ann found", "Ann", "the hierarchy was steep"));
    }

    [Fact]
    public void No_redaction_changes_nothing()
    {
        var redaction = Redaction.Redact(Text, ["nobody"]);
        Assert.Empty(redaction.Passes);
        Assert.Equal((5, 9), PassageAfterRedaction.Map(5, 9, redaction));
    }
}
