namespace Upward.Core.Preparation;

/// <summary>
/// A module's Markdown split into its title, its reading and its self-check. The self-check is
/// written in the same Markdown, after a "## Self-check" heading, so a coordinator edits one text:
/// each question is a "### " heading, its options "- [ ] " lines with the right one "- [x] ", and
/// the explanation a "> " line.
/// </summary>
public sealed record ModuleText(string Title, string Body, IReadOnlyList<SelfCheckQuestion> Questions)
{
    public const int MaxLength = 20_000;
    public const string SelfCheckHeading = "## Self-check";

    /// <summary>The module, or the first thing wrong with it in words a coordinator can act on.</summary>
    public static (ModuleText? Text, string? Problem) Parse(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return (null, "Enter the module's text");
        if (markdown.Length > MaxLength) return (null, $"The module must be {MaxLength:N0} characters or fewer");
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var titleLine = Array.FindIndex(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        if (titleLine < 0) return (null, "Start the module with its title on a line beginning \"# \"");
        var checkLine = Array.FindIndex(lines, l => l.Trim().Equals(SelfCheckHeading, StringComparison.OrdinalIgnoreCase));
        if (checkLine < 0) return (null, $"End the module with a self-check under a line \"{SelfCheckHeading}\"");
        if (checkLine < titleLine) return (null, "Put the self-check after the module's title and text");

        var questions = new List<SelfCheckQuestion>();
        string? question = null, explanation = null;
        List<string> options = [];
        var right = -1;
        string? Finish()
        {
            if (question is null) return null;
            if (options.Count < 2) return $"Give the question \"{question}\" at least two options, each on a line beginning \"- [ ] \"";
            if (right < 0) return $"Mark the right answer to \"{question}\" with \"- [x] \"";
            if (string.IsNullOrWhiteSpace(explanation)) return $"Explain the right answer to \"{question}\" on a line beginning \"> \"";
            questions.Add(new SelfCheckQuestion(question, [.. options], right, explanation.Trim()));
            return null;
        }
        foreach (var raw in lines.Skip(checkLine + 1))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                if (Finish() is { } problem) return (null, problem);
                (question, explanation, options, right) = (line[4..].Trim(), null, [], -1);
            }
            else if (question is null)
            {
                return (null, "Begin each self-check question with a line beginning \"### \"");
            }
            else if (line.StartsWith("- [ ] ", StringComparison.Ordinal) || line.StartsWith("- [x] ", StringComparison.OrdinalIgnoreCase))
            {
                if (line[3] is 'x' or 'X')
                {
                    if (right >= 0) return (null, $"Mark only one right answer to \"{question}\"");
                    right = options.Count;
                }
                options.Add(line[6..].Trim());
            }
            else if (line.StartsWith('>'))
            {
                explanation = (explanation + " " + line[1..].Trim()).Trim();
            }
            else
            {
                return (null, $"Write each option of \"{question}\" on a line beginning \"- [ ] \" and its explanation on a line beginning \"> \"");
            }
        }
        if (Finish() is { } last) return (null, last);
        if (questions.Count == 0) return (null, "Add at least one self-check question after the self-check heading");

        var title = lines[titleLine][2..].Trim();
        var body = string.Join('\n', lines[(titleLine + 1)..checkLine]).Trim();
        if (title.Length == 0) return (null, "Give the module a title after \"# \"");
        if (body.Length == 0) return (null, "Write the module's text between its title and the self-check");
        return (new ModuleText(title, body, questions), null);
    }

    /// <summary>Whether every question has its right option chosen (answers by position; a missing answer is wrong).</summary>
    public bool AllRight(IReadOnlyList<int?> answers) =>
        answers.Count == Questions.Count && Questions.Select((q, i) => answers[i] == q.RightOption).All(ok => ok);
}
