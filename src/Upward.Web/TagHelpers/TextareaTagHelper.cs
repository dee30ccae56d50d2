using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Upward.Web.TagHelpers;

/// <summary>The NHS.UK textarea pattern bound to a model property, keeping what was typed when the page comes back with errors.</summary>
[HtmlTargetElement("nhs-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextareaTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("asp-for")] public required ModelExpression For { get; set; }
    public required string Label { get; set; }
    public string? Hint { get; set; }
    public int Rows { get; set; } = 5;
    /// <summary>Show the label in the medium heading size (a section's main question).</summary>
    public bool LabelIsBold { get; set; }

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "-");
        var error = FormErrors.FirstError(ViewContext.ViewData.ModelState, name);
        var value = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue != null
            ? entry.AttemptedValue : For.Model?.ToString() ?? "";

        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        html.Append($"<div class=\"nhsuk-form-group{(error != null ? " nhsuk-form-group--error" : "")}\">");
        html.Append($"<label class=\"nhsuk-label{(LabelIsBold ? " nhsuk-label--s" : "")}\" for=\"{id}\">{Encode(Label)}</label>");
        if (Hint != null)
        {
            html.Append($"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{Encode(Hint)}</div>");
            describedBy.Add($"{id}-hint");
        }
        if (error != null)
        {
            html.Append($"<span class=\"nhsuk-error-message\" id=\"{id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {Encode(error)}</span>");
            describedBy.Add($"{id}-error");
        }
        html.Append($"<textarea class=\"nhsuk-textarea{(error != null ? " nhsuk-textarea--error" : "")}\" id=\"{id}\" name=\"{Encode(name)}\" rows=\"{Rows}\"");
        if (describedBy.Count > 0) html.Append($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        html.Append($">{Encode(value)}</textarea></div>");

        output.TagName = null;
        output.Content.SetHtmlContent(html.ToString());
    }

    private string Encode(string value) => encoder.Encode(value);
}
