using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Upward.Web.TagHelpers;

/// <summary>
/// Any number of choices, in the NHS.UK checkboxes pattern, bound to a list property: a box is
/// ticked when the list holds its value (compared as text, so Guids and enum names both work).
/// The first box carries the field's own id so the error summary's link lands on it; hints of
/// single boxes get ids of their own, apart from the question's hint.
/// </summary>
[HtmlTargetElement("nhs-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("asp-for")] public required ModelExpression For { get; set; }
    public required string Legend { get; set; }
    public string? Hint { get; set; }
    public required IEnumerable<RadioOption> Options { get; set; }
    /// <summary>Render the legend as the page heading (one question per page).</summary>
    public bool LegendIsHeading { get; set; }
    /// <summary>Legend size when it is not the heading: "s", "m" or "l".</summary>
    public string LegendSize { get; set; } = "s";

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "-");
        var error = FormErrors.FirstError(ViewContext.ViewData.ModelState, name);
        var ticked = (For.Model as IEnumerable ?? Array.Empty<object>()).Cast<object?>()
            .Select(v => v?.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);

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
        html.Append("<div class=\"nhsuk-checkboxes\" data-module=\"nhsuk-checkboxes\">");
        var i = 0;
        foreach (var option in Options)
        {
            var optionId = i == 0 ? id : $"{id}-{i + 1}";
            html.Append("<div class=\"nhsuk-checkboxes__item\">");
            html.Append($"<input class=\"nhsuk-checkboxes__input\" id=\"{optionId}\" name=\"{E(name)}\" type=\"checkbox\" value=\"{E(option.Value)}\"{(ticked.Contains(option.Value) ? " checked" : "")}{(option.Hint != null ? $" aria-describedby=\"{optionId}-item-hint\"" : "")}>");
            html.Append($"<label class=\"nhsuk-label nhsuk-checkboxes__label\" for=\"{optionId}\">{E(option.Label)}</label>");
            if (option.Hint != null) html.Append($"<div class=\"nhsuk-hint nhsuk-checkboxes__hint\" id=\"{optionId}-item-hint\">{E(option.Hint)}</div>");
            html.Append("</div>");
            i++;
        }
        html.Append("</div></fieldset></div>");
        output.TagName = null;
        output.Content.SetHtmlContent(html.ToString());
    }

    private string E(string value) => encoder.Encode(value);
}
