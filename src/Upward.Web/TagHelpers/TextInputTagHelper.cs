using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Upward.Web.TagHelpers;

/// <summary>
/// The NHS.UK text input pattern (label, hint, error message, input) bound to a model property,
/// so every form shows errors the same way and links from the error summary land on the field.
/// </summary>
[HtmlTargetElement("nhs-text-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextInputTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("asp-for")] public required ModelExpression For { get; set; }
    public required string Label { get; set; }
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Width { get; set; }
    /// <summary>Render the label as the page heading (one question per page).</summary>
    public bool LabelIsHeading { get; set; }

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "-");
        var error = FormErrors.FirstError(ViewContext.ViewData.ModelState, name);
        var value = Type == "password" ? "" : ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.AttemptedValue != null
            ? entry.AttemptedValue : For.Model?.ToString() ?? "";

        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        html.Append($"<div class=\"nhsuk-form-group{(error != null ? " nhsuk-form-group--error" : "")}\">");
        var label = $"<label class=\"nhsuk-label{(LabelIsHeading ? " nhsuk-label--l" : "")}\" for=\"{id}\">{Encode(Label)}</label>";
        html.Append(LabelIsHeading ? $"<h1 class=\"nhsuk-label-wrapper\">{label}</h1>" : label);
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
        var classes = "nhsuk-input" + (Width != null ? $" nhsuk-input--width-{Width}" : "") + (error != null ? " nhsuk-input--error" : "");
        html.Append($"<input class=\"{classes}\" id=\"{id}\" name=\"{Encode(name)}\" type=\"{Encode(Type)}\" value=\"{Encode(value)}\"");
        if (Autocomplete != null) html.Append($" autocomplete=\"{Encode(Autocomplete)}\"");
        if (Type is "email" or "password") html.Append(" spellcheck=\"false\"");
        if (describedBy.Count > 0) html.Append($" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        html.Append("></div>");

        output.TagName = null;
        output.Content.SetHtmlContent(html.ToString());
    }

    private string Encode(string value) => encoder.Encode(value);
}
