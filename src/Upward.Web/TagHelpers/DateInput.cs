namespace Upward.Web.TagHelpers;

/// <summary>The NHS.UK date input (day, month, year) for the shared partial <c>_DateInput</c>, posted as <c>{Prefix}.Day</c> and so on.</summary>
public sealed record DateInput(string Prefix, string Legend, string Hint, string? Day, string? Month, string? Year, string? Error);
