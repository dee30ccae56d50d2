using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Upward.Web.TagHelpers;

/// <summary>
/// One choice among a few, in the NHS.UK radios pattern, bound to a model property. The choices come
/// either as <see cref="Options"/> (with hints) or as <see cref="Choices"/>, "value|label" pairs
/// separated by ";" (for example "true|Yes;false|No"). The first radio carries the field's own id so
/// the error summary's link lands on it.
/// </summary>
[HtmlTargetElement("nhs-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadiosTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("asp-for")] public required ModelExpression For { get; set; }
    public required string Legend { get; set; }
    public string? Hint { get; set; }
    public IEnumerable<RadioOption>? Options { get; set; }
    public string? Choices { get; set; }
    /// <summary>Render the legend as the page heading (one question per page).</summary>
    public bool LegendIsHeading { get; set; }
    /// <summary>Legend size when it is not the heading: "s", "m" or "l".</summary>
    public string LegendSize { get; set; } = "s";
    public bool Inline { get; set; }

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "-");
        var error = FormErrors.FirstError(ViewContext.ViewData.ModelState, name);
        var current = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue != null
            ? entry.AttemptedValue
            : For.Model switch { bool b => b ? "true" : "false", null => "", var other => other.ToString() ?? "" };

        var describedBy = new List<string>();
        if (Hint != null) describedBy.Add($"{id}-hint");
        if (error != null) describedBy.Add($"{id}-error");
        var html = new StringBuilder();
        html.Append($"<div class=\"nhsuk-form-group{(error != null ? " nhsuk-form-group--error" : "")}\">");
        html.Append($"<fieldset class=\"nhsuk-fieldset\"{(describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "")}>");
        html.Append(LegendIsHeading
            ? $"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--l\"><h1 class=\"nhsuk-fieldset__heading\">{E(Legend)}</h1></legend>"
            : $"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--{E(LegendSize)}\">{E(Legend)}</legend>");
        if (Hint != null) html.Append($"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{E(Hint)}</div>");
        if (error != null) html.Append($"<span class=\"nhsuk-error-message\" id=\"{id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {E(error)}</span>");
        html.Append($"<div class=\"nhsuk-radios{(Inline ? " nhsuk-radios--inline" : "")}\" data-module=\"nhsuk-radios\">");
        var i = 0;
        foreach (var option in AllOptions())
        {
            var optionId = i == 0 ? id : $"{id}-{i + 1}";
            var isChecked = string.Equals(current, option.Value, StringComparison.OrdinalIgnoreCase);
            html.Append("<div class=\"nhsuk-radios__item\">");
            html.Append($"<input class=\"nhsuk-radios__input\" id=\"{optionId}\" name=\"{E(name)}\" type=\"radio\" value=\"{E(option.Value)}\"{(isChecked ? " checked" : "")}{(option.Hint != null ? $" aria-describedby=\"{optionId}-item-hint\"" : "")}>");
            html.Append($"<label class=\"nhsuk-label nhsuk-radios__label\" for=\"{optionId}\">{E(option.Label)}</label>");
            if (option.Hint != null) html.Append($"<div class=\"nhsuk-hint nhsuk-radios__hint\" id=\"{optionId}-item-hint\">{E(option.Hint)}</div>");
            html.Append("</div>");
            i++;
        }
        html.Append("</div></fieldset></div>");
        output.TagName = null;
        output.Content.SetHtmlContent(html.ToString());
    }

    private IEnumerable<RadioOption> AllOptions() =>
        Options ?? (Choices ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(choice =>
        {
            var parts = choice.Split('|', 2);
            return new RadioOption(parts[0], parts.Length > 1 ? parts[1] : parts[0]);
        });

    private string E(string value) => encoder.Encode(value);
}

/// <summary>One radio: the value posted, the label shown and an optional hint.</summary>
public sealed record RadioOption(string Value, string Label, string? Hint = null)
{
    public static IReadOnlyList<RadioOption> YesNo { get; } = [new("true", "Yes"), new("false", "No")];
}
