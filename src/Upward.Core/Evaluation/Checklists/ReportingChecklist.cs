using System.Text;

namespace Upward.Core.Evaluation.Checklists;

/// <summary>
/// A reporting guideline's checklist with a first draft of each item from what Upward knows. An item
/// Upward cannot know (the local problem, the literature, ethics approval, funding) has no draft and
/// is left for the author: a checklist that made those up would be worse than none.
/// </summary>
/// <param name="Source">The guideline's citation, so the author can check the wording of each item.</param>
public sealed record ReportingChecklist(string Title, string Source, IReadOnlyList<ChecklistItem> Items)
{
    public const string ForTheAuthor = "For the author: Upward does not know this.";

    /// <summary>The checklist as Markdown, to paste into a manuscript or a shared document.</summary>
    public string ToMarkdown(string programme)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(Title).Append(": ").Append(programme).Append("\n\n");
        text.Append("Drafted by Upward from the programme's records. Check every draft; complete the items marked for the author.\n\n");
        text.Append("Source: ").Append(Source).Append("\n\n");
        string? section = null;
        foreach (var item in Items)
        {
            if (item.Section != section)
            {
                section = item.Section;
                text.Append("## ").Append(section).Append("\n\n");
            }
            text.Append("### ").Append(item.Number).Append(". ").Append(item.Name).Append("\n\n");
            text.Append("*").Append(item.Prompt).Append("*\n\n");
            text.Append(item.Draft ?? ForTheAuthor).Append("\n\n");
        }
        return text.ToString();
    }
}

/// <summary>One item: what the guideline asks (<see cref="Prompt"/>, in short) and Upward's draft, or null when the author must write it.</summary>
public sealed record ChecklistItem(string Number, string Section, string Name, string Prompt, string? Draft);
