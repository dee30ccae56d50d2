using System.Text;
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
    /// <summary>Render the label as the page heading (one question per page).</summary>
    public bool LabelIsHeading { get; set; }
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
        var html = new StringBuilder();
        html.Append($"<div class=\"nhsuk-form-group{(error != null ? " nhsuk-form-group--error" : "")}\">");
        var size = LabelIsHeading ? " nhsuk-label--l" : LabelIsBold ? " nhsuk-label--m" : "";
        var label = $"<label class=\"nhsuk-label{size}\" for=\"{id}\">{E(Label)}</label>";
        html.Append(LabelIsHeading ? $"<h1 class=\"nhsuk-label-wrapper\">{label}</h1>" : label);
        if (Hint != null) { html.Append($"<div class=\"nhsuk-hint\" id=\"{id}-hint\">{E(Hint)}</div>"); describedBy.Add($"{id}-hint"); }
        if (error != null) { html.Append($"<span class=\"nhsuk-error-message\" id=\"{id}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {E(error)}</span>"); describedBy.Add($"{id}-error"); }
        html.Append($"<textarea class=\"nhsuk-textarea{(error != null ? " nhsuk-textarea--error" : "")}\" id=\"{id}\" name=\"{E(name)}\" rows=\"{Rows}\"{(describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "")}>{E(value)}</textarea>");
        html.Append("</div>");
        output.TagName = null;
        output.Content.SetHtmlContent(html.ToString());
    }

    private string E(string value) => encoder.Encode(value);
}
