using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Upward.Web.TagHelpers;

/// <summary>
/// The NHS.UK radios pattern (fieldset, legend, hint, error, one radio per choice) bound to a
/// model property. Choices are "value|label" pairs separated by ";", for example "true|Yes;false|No".
/// The first radio carries the field's own id so the error summary link lands on it.
/// </summary>
[HtmlTargetElement("nhs-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadiosTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("asp-for")] public required ModelExpression For { get; set; }
    public required string Legend { get; set; }
    public required string Choices { get; set; }
    public string? Hint { get; set; }
    public bool Inline { get; set; }
    /// <summary>Legend size: "s", "m" or "l".</summary>
    public string LegendSize { get; set; } = "s";

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "-");
        var error = FormErrors.FirstError(ViewContext.ViewData.ModelState, name);
        var current = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue != null
            ? entry.AttemptedValue : For.Model switch { bool b => b ? "true" : "false", null => "", var other => other.ToString() ?? "" };

        var describedBy = new List<string>();
        if (Hint != null) describedBy.Add($"{id}-hint");
        if (error != null) describedBy.Add($"{id}-error");
        var html = new System.Text.StringBuilder();
        html.Append($"<div class=\"nhsuk-form-group{(error != null ? " nhsuk-form-group--error" : "")}\">");
        html.Append($"<fieldset class=\"nhsuk-fieldset\"{(describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "")}>");
        html.Append($"<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--{Encode(LegendSize)}\">{Encode(Legend)}</legend>");
        if (Hint != null) html.Append($"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{Encode(Hint)}</div>");
        if (error != null) html.Append($"<span class=\"nhsuk-error-message\" id=\"{id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {Encode(error)}</span>");
        html.Append($"<div class=\"nhsuk-radios{(Inline ? " nhsuk-radios--inline" : "")}\" data-module=\"nhsuk-radios\">");
        var choices = Choices.Split(';', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < choices.Length; i++)
        {
            var parts = choices[i].Split('|', 2);
            var (value, label) = (parts[0], parts.Length > 1 ? parts[1] : parts[0]);
            var radioId = i == 0 ? id : $"{id}-{i + 1}";
            var isChecked = string.Equals(value, current, StringComparison.OrdinalIgnoreCase);
            html.Append("<div class=\"nhsuk-radios__item\">");
            html.Append($"<input class=\"nhsuk-radios__input\" id=\"{radioId}\" name=\"{Encode(name)}\" type=\"radio\" value=\"{Encode(value)}\"{(isChecked ? " checked" : "")}>");
            html.Append($"<label class=\"nhsuk-label nhsuk-radios__label\" for=\"{radioId}\">{Encode(label)}</label>");
            html.Append("</div>");
        }
        html.Append("</div></fieldset></div>");

        output.TagName = null;
        output.Content.SetHtmlContent(html.ToString());
    }

    private string Encode(string value) => encoder.Encode(value);
}
