using System.Globalization;

namespace Upward.Core.Questionnaires;

/// <summary>What a participant typed or chose on one question page, before it is checked.</summary>
public sealed record AnswerInput(string? Value, string? FollowUp = null, IReadOnlyDictionary<Guid, string?>? Domains = null);

/// <summary>One answer row's content, ready to store; <paramref name="DomainId"/> is <see cref="Guid.Empty"/> unless it rates a domain.</summary>
public sealed record AnswerValue(Guid DomainId, int? Number, string? Text);

/// <summary>A problem with an answer; <see cref="Field"/> is "Value", "FollowUp" or a domain id.</summary>
public sealed record AnswerError(string Field, string Message);

public sealed record AnswerCheck(IReadOnlyList<AnswerValue> Values, IReadOnlyList<AnswerError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Checks an answer against its item, so nothing out of range or outside the list is ever stored.</summary>
public static class AnswerRules
{
    public const int ScaleLowest = 1;
    public const int ScaleHighest = 5;
    public const int MinutesLowest = 0;

    /// <summary>Ten hours: the study's longest session was three, so anything longer is a typing slip.</summary>
    public const int MinutesHighest = 600;

    public const int TextLongest = 4000;

    /// <summary>
    /// Checks one page's input for <paramref name="item"/>; <paramref name="domainIds"/> are the programme's
    /// domains in order, and <paramref name="domainNames"/> (when given) name the areas a grid still needs.
    /// </summary>
    public static AnswerCheck Check(InstrumentItem item, IReadOnlyList<Guid> domainIds, AnswerInput input, IReadOnlyDictionary<Guid, string>? domainNames = null)
    {
        var errors = new List<AnswerError>();
        var values = new List<AnswerValue>();
        switch (item.Type)
        {
            case ItemType.Scale:
                if (Rating(input.Value, item, "Value", errors) is { } rating) values.Add(new(Guid.Empty, rating, null));
                break;
            case ItemType.DomainGrid:
                var given = input.Domains ?? new Dictionary<Guid, string?>();
                if (given.Keys.Any(id => !domainIds.Contains(id)))
                {
                    errors.Add(new("Value", "This page has changed since it was opened. Answer each area again"));
                    break;
                }
                if (given.Values.All(string.IsNullOrWhiteSpace))
                {
                    // Nothing chosen at all: one plain message, on the first area, rather than one per area.
                    if (!item.Optional && domainIds.Count > 0) errors.Add(new(domainIds[0].ToString(), "Choose a number for each area"));
                    break;
                }
                foreach (var domainId in domainIds)
                {
                    var raw = given.GetValueOrDefault(domainId);
                    if (string.IsNullOrWhiteSpace(raw))
                    {
                        // A partly filled grid names each area still missing, so the error summary says where to look.
                        errors.Add(new(domainId.ToString(), domainNames?.GetValueOrDefault(domainId) is { } name ? $"Choose a number for {name}" : "Choose a number for this area"));
                    }
                    else if (Rating(raw, item, domainId.ToString(), errors) is { } r)
                    {
                        values.Add(new(domainId, r, null));
                    }
                }
                break;
            case ItemType.YesNo:
                var yesNo = input.Value?.Trim().ToLowerInvariant();
                if (yesNo is "yes" or "no")
                {
                    var followUp = yesNo == "yes" ? Words(input.FollowUp, "FollowUp", errors) : null;
                    values.Add(new(Guid.Empty, yesNo == "yes" ? 1 : 0, followUp));
                }
                else if (!string.IsNullOrWhiteSpace(yesNo))
                {
                    errors.Add(new("Value", "Choose yes or no"));
                }
                else if (!item.Optional)
                {
                    errors.Add(new("Value", "Choose yes or no"));
                }
                break;
            case ItemType.SingleChoice:
                if (string.IsNullOrWhiteSpace(input.Value))
                {
                    if (!item.Optional) errors.Add(new("Value", "Choose one answer"));
                }
                else if (int.TryParse(input.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var choice) && choice >= 1 && choice <= item.Choices.Count)
                {
                    values.Add(new(Guid.Empty, choice, item.Choices[choice - 1]));
                }
                else
                {
                    errors.Add(new("Value", "Choose one of the answers listed"));
                }
                break;
            case ItemType.Minutes:
                var minutes = input.Value?.Trim();
                if (string.IsNullOrEmpty(minutes))
                {
                    if (!item.Optional) errors.Add(new("Value", $"Enter a number of {item.Unit ?? "minutes"}"));
                }
                else if (!int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
                {
                    errors.Add(new("Value", $"Enter {item.Unit ?? "minutes"} as a whole number, like 45"));
                }
                else if (m < MinutesLowest || m > MinutesHighest)
                {
                    errors.Add(new("Value", $"Enter a number of {item.Unit ?? "minutes"} between {MinutesLowest} and {MinutesHighest}"));
                }
                else
                {
                    values.Add(new(Guid.Empty, m, null));
                }
                break;
            case ItemType.FreeText:
                var text = Words(input.Value, "Value", errors);
                if (text is not null) values.Add(new(Guid.Empty, null, text));
                else if (!item.Optional && errors.Count == 0) errors.Add(new("Value", "Enter your answer"));
                break;
        }
        return new AnswerCheck(errors.Count == 0 ? values : [], errors);
    }

    /// <summary>Whether stored answers complete an item (every domain rated, for a grid).</summary>
    public static bool IsComplete(InstrumentItem item, IReadOnlyCollection<Answer> answersToItem, IReadOnlyList<Guid> domainIds) =>
        item.Optional || (item.Type == ItemType.DomainGrid
            ? domainIds.All(d => answersToItem.Any(a => a.DomainId == d && a.Number is not null))
            : answersToItem.Count > 0);

    private static int? Rating(string? raw, InstrumentItem item, string field, List<AnswerError> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            errors.Add(new(field, "Choose a number from 1 to 5"));
            return null;
        }
        if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= ScaleLowest && value <= ScaleHighest)
        {
            return value;
        }
        errors.Add(new(field, "Choose a number from 1 to 5 (only whole numbers in that range can be saved)"));
        return null;
    }

    private static string? Words(string? raw, string field, List<AnswerError> errors)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length > TextLongest)
        {
            errors.Add(new(field, $"Your answer must be {TextLongest} characters or fewer (it is {text.Length})"));
            return null;
        }
        return text.ReplaceLineEndings("\n");
    }
}
