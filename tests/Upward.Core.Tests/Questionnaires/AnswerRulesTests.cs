using Upward.Core.Questionnaires;

namespace Upward.Core.Tests.Questionnaires;

public sealed class AnswerRulesTests
{
    private static readonly Guid[] Domains = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    private static InstrumentItem Item(ItemType type, bool optional = false) => new()
    {
        Key = "k", Type = type, Text = "Question", Optional = optional, Unit = type == ItemType.Minutes ? "minutes" : null,
        Choices = type == ItemType.SingleChoice ? ["Poor", "Fair", "Good", "Excellent"] : [],
    };

    private static AnswerCheck Check(ItemType type, string? value, string? followUp = null, bool optional = false) =>
        AnswerRules.Check(Item(type, optional), Domains, new AnswerInput(value, followUp));

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData(" 3 ", 3)]
    public void A_scale_takes_whole_numbers_one_to_five(string raw, int expected) =>
        Assert.Equal(expected, Check(ItemType.Scale, raw).Values.Single().Number);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("three")]
    [InlineData("99999999999999")]
    public void A_scale_refuses_anything_else_and_stores_nothing(string? raw)
    {
        var check = Check(ItemType.Scale, raw);
        Assert.False(check.IsValid);
        Assert.Empty(check.Values);
        Assert.Equal("Value", check.Errors.Single().Field);
    }

    [Fact]
    public void A_domain_grid_gives_one_row_per_domain_and_names_each_missing_one()
    {
        var item = Item(ItemType.DomainGrid);
        var all = Domains.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => (string?)(x.i + 2).ToString());
        var ok = AnswerRules.Check(item, Domains, new AnswerInput(null, null, all));
        Assert.Equal([2, 3, 4], ok.Values.Select(v => v.Number!.Value));
        Assert.Equal(Domains, ok.Values.Select(v => v.DomainId));

        var partial = AnswerRules.Check(item, Domains, new AnswerInput(null, null, new Dictionary<Guid, string?> { [Domains[0]] = "3", [Domains[2]] = "7" }));
        Assert.Empty(partial.Values);
        Assert.Equal([Domains[1].ToString(), Domains[2].ToString()], partial.Errors.Select(e => e.Field));

        var foreign = new Dictionary<Guid, string?>(all) { [Guid.NewGuid()] = "3" };
        Assert.False(AnswerRules.Check(item, Domains, new AnswerInput(null, null, foreign)).IsValid);
    }

    [Fact]
    public void An_empty_grid_asks_for_a_number_for_each_area_once_and_a_partly_filled_one_names_the_areas_missing()
    {
        var item = Item(ItemType.DomainGrid);
        var empty = AnswerRules.Check(item, Domains, new AnswerInput(null, null, new Dictionary<Guid, string?>()));
        Assert.Equal([(Domains[0].ToString(), "Choose a number for each area")], empty.Errors.Select(e => (e.Field, e.Message)));
        Assert.Equal("Choose a number for each area", Assert.Single(AnswerRules.Check(item, Domains, new AnswerInput(null, null, null)).Errors).Message);

        var names = new Dictionary<Guid, string> { [Domains[0]] = "Use of technology", [Domains[1]] = "Clinical practice", [Domains[2]] = "Time management" };
        var partial = AnswerRules.Check(item, Domains, new AnswerInput(null, null, new Dictionary<Guid, string?> { [Domains[1]] = "4" }), names);
        Assert.Equal([(Domains[0].ToString(), "Choose a number for Use of technology"), (Domains[2].ToString(), "Choose a number for Time management")],
            partial.Errors.Select(e => (e.Field, e.Message)));

        // An optional grid may be left empty, but not half done.
        var optional = Item(ItemType.DomainGrid, optional: true);
        Assert.True(AnswerRules.Check(optional, Domains, new AnswerInput(null, null, new Dictionary<Guid, string?>())).IsValid);
        Assert.False(AnswerRules.Check(optional, Domains, new AnswerInput(null, null, new Dictionary<Guid, string?> { [Domains[1]] = "4" })).IsValid);
    }

    [Fact]
    public void Yes_keeps_its_follow_up_and_no_drops_it()
    {
        var yes = Check(ItemType.YesNo, "yes", "  Time pressure  ").Values.Single();
        Assert.Equal((1, "Time pressure"), (yes.Number!.Value, yes.Text));
        var no = Check(ItemType.YesNo, "No", "ignored").Values.Single();
        Assert.Equal((0, (string?)null), (no.Number!.Value, no.Text));
        Assert.False(Check(ItemType.YesNo, "maybe").IsValid);
        Assert.False(Check(ItemType.YesNo, "").IsValid);
        Assert.False(Check(ItemType.YesNo, "yes", new string('x', AnswerRules.TextLongest + 1)).IsValid);
    }

    [Fact]
    public void A_single_choice_stores_its_position_and_words()
    {
        var good = Check(ItemType.SingleChoice, "3").Values.Single();
        Assert.Equal((3, "Good"), (good.Number!.Value, good.Text));
        foreach (var bad in new[] { "0", "5", "Good", "-1", "" })
        {
            Assert.False(Check(ItemType.SingleChoice, bad).IsValid);
        }
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("45", true)]
    [InlineData("600", true)]
    [InlineData("601", false)]
    [InlineData("-5", false)]
    [InlineData("45.5", false)]
    [InlineData("forty", false)]
    [InlineData("", false)]
    public void Minutes_are_whole_numbers_from_zero_to_six_hundred(string raw, bool valid) =>
        Assert.Equal(valid, Check(ItemType.Minutes, raw).IsValid);

    [Fact]
    public void Free_text_is_trimmed_limited_and_may_be_optional()
    {
        Assert.Equal("Hello\nthere", Check(ItemType.FreeText, "  Hello\r\nthere ").Values.Single().Text);
        Assert.False(Check(ItemType.FreeText, new string('x', AnswerRules.TextLongest + 1)).IsValid);
        Assert.True(Check(ItemType.FreeText, new string('x', AnswerRules.TextLongest)).IsValid);
        Assert.False(Check(ItemType.FreeText, "   ").IsValid);
        var blank = Check(ItemType.FreeText, "   ", optional: true);
        Assert.True(blank.IsValid);
        Assert.Empty(blank.Values);
    }
}
