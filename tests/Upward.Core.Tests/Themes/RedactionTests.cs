using Upward.Core.Themes;

namespace Upward.Core.Tests.Themes;

public sealed class RedactionTests
{
    [Fact]
    public void Masks_each_phrase_whole_words_only_ignoring_case()
    {
        var text = "Dr Ann Lee on ward 7 said ann was kind; the annual review is fine.";
        var masked = Redaction.Apply(text, ["ann", "Dr Ann Lee", "ward 7"]);
        Assert.Equal("[redacted] on [redacted] said [redacted] was kind; the annual review is fine.", masked);
    }

    [Fact]
    public void Blank_phrases_change_nothing_and_absent_ones_are_reported()
    {
        Assert.Equal("Hello", Redaction.Apply("Hello", ["", "  "]));
        Assert.Equal(["Bob"], Redaction.Missing("Hello Ann", ["Ann", "Bob"]));
    }

    [Fact]
    public void Passage_is_found_ignoring_case_or_not_at_all()
    {
        Assert.Equal((4, 9), Passage.Find("The Hierarchy is steep", " hierarchy "));
        Assert.Null(Passage.Find("The hierarchy is steep", "flat"));
        Assert.Null(Passage.Find("The hierarchy is steep", "  "));
    }
}
