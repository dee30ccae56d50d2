using System.Text;
using System.Text.Json;
using Upward.Core.Bundles;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation;

/// <summary>Writes an <see cref="EvaluationReport"/> as deterministic JSON (report.json): fields in a fixed order, numbers in shortest round-trip form.</summary>
public static class ReportJson
{
    /// <summary>The report as indented UTF-8 JSON ending in a newline.</summary>
    public static byte[] Write(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", "upward-evaluation-report");
            json.WriteNumber("version", 1);
            json.WriteString("programme", report.ProgrammeName);
            json.WriteNumber("anonymity_threshold", report.AnonymityThreshold);
            json.WriteStartArray("domains");
            foreach (var domain in report.Domains)
            {
                json.WriteStartObject();
                json.WriteNumber("position", domain.Position);
                json.WriteString("name", domain.Name);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("cohort");
            foreach (var side in report.Cohort)
            {
                WriteCohort(json, side);
            }
            json.WriteEndArray();
            WriteWillingness(json, report.Willingness);
            WriteSessions(json, report.Sessions);
            json.WriteStartArray("questionnaires");
            foreach (var questionnaire in report.Questionnaires)
            {
                WriteQuestionnaire(json, questionnaire);
            }
            json.WriteEndArray();
            json.WriteStartArray("comparisons");
            foreach (var comparison in report.Comparisons)
            {
                WriteComparison(json, comparison);
            }
            json.WriteEndArray();
            // A controlled design's answer: written only for one, so a single-group report is unchanged.
            if (report.Waitlist is { } waitlist)
            {
                json.WriteStartObject("waitlist");
                WriteWaitlist(json, waitlist);
                json.WriteEndObject();
            }
            if (report.SteppedWedge is { } wedge)
            {
                WriteSteppedWedge(json, wedge);
            }
            if (report.Themes is { } themes)
            {
                WriteThemes(json, themes);
            }
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>The report as a string (see <see cref="Write"/>).</summary>
    public static string WriteString(EvaluationReport report) => Encoding.UTF8.GetString(Write(report));

    private static void WriteCohort(Utf8JsonWriter json, CohortFigures side)
    {
        json.WriteStartObject();
        json.WriteString("role", BundleNames.Of(side.Role));
        json.WriteNumber("n", side.Participants);
        json.WriteNumber("withdrawn", side.Withdrawn);
        json.WriteNumber("age_range_n", side.AgeRangeRespondents);
        WriteNullable(json, "age_range", side.AgeRange);
        WriteProportion(json, "prior_mentoring", side.PriorMentoring);
        json.WriteStartArray("breakdowns");
        foreach (var breakdown in side.Breakdowns)
        {
            json.WriteStartObject();
            json.WriteString("key", breakdown.Key);
            json.WriteNumber("n", breakdown.Total);
            json.WriteBoolean("suppressed", breakdown.Suppressed);
            json.WriteStartArray("cells");
            foreach (var cell in breakdown.Cells)
            {
                json.WriteStartObject();
                json.WriteString("band", cell.Band);
                json.WriteBoolean("suppressed", cell.Suppressed);
                if (cell.Count is int count)
                {
                    json.WriteNumber("count", count);
                    json.WriteNumber("percentage", cell.Share!.Value.Percentage!.Value);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteWillingness(Utf8JsonWriter json, WillingnessFigures? willingness)
    {
        if (willingness is null)
        {
            json.WriteNull("willingness");
            return;
        }
        json.WriteStartObject("willingness");
        json.WriteNumber("mentors", willingness.Mentors);
        json.WriteNumber("mentees", willingness.Mentees);
        json.WriteNumber("mentors_willing_for_every_mentee", willingness.MentorsWillingForEveryMentee);
        json.WriteNumber("mentors_yet_to_answer", willingness.MentorsYetToAnswer);
        json.WriteString("headline", willingness.Headline);
        json.WriteStartArray("bands");
        foreach (var band in willingness.Bands)
        {
            json.WriteStartObject();
            json.WriteNumber("willing_for", band.WillingFor);
            json.WriteNumber("mentors", band.Mentors);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Table 1: written only when the bundle has a codebook, so a report without one keeps its old shape.</summary>
    private static void WriteThemes(Utf8JsonWriter json, ThemeFigures themes)
    {
        json.WriteStartObject("themes");
        json.WriteStartArray("stages");
        foreach (var stage in themes.Stages)
        {
            json.WriteStringValue(BundleNames.Of(stage));
        }
        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var row in themes.Rows)
        {
            json.WriteStartObject();
            json.WriteString("theme", row.Name);
            json.WriteString("definition", row.Definition);
            if (row.Parent is { } parent)
            {
                json.WriteString("parent", parent);
            }
            json.WriteStartObject("participants");
            for (int i = 0; i < themes.Stages.Count; i++)
            {
                json.WriteNumber(BundleNames.Of(themes.Stages[i]), row.ParticipantsByStage[i]);
            }
            json.WriteEndObject();
            if (row.Quote is { } quote)
            {
                json.WriteString("quote", quote);
                json.WriteString("quoted_participant", row.QuoteFrom);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSessions(Utf8JsonWriter json, SessionFigures sessions)
    {
        json.WriteStartObject("sessions");
        json.WriteNumber("pairs", sessions.Pairs);
        json.WriteNumber("sessions", sessions.Sessions);
        json.WriteNumber("held", sessions.Held);
        if (sessions.TimeLimitMinutes is int limit)
        {
            json.WriteNumber("time_limit_minutes", limit);
        }
        json.WriteNumber("minutes_n", sessions.MinutesN);
        SummaryJson.Write(json, "minutes", sessions.Minutes);
        json.WriteNumber("time_felt_n", sessions.TimeFeltN);
        json.WriteStartObject("time_felt");
        foreach (var felt in sessions.TimeFelt)
        {
            json.WriteNumber(BundleNames.Of(felt.Felt), felt.Count);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteQuestionnaire(Utf8JsonWriter json, InstrumentFigures questionnaire)
    {
        json.WriteStartObject();
        json.WriteString("instrument", questionnaire.Key);
        json.WriteNumber("instrument_version", questionnaire.Version);
        json.WriteString("audience", BundleNames.Of(questionnaire.Audience));
        json.WriteString("stage", BundleNames.Of(questionnaire.Stage));
        json.WriteNumber("n", questionnaire.Respondents);
        json.WriteStartArray("items");
        foreach (var item in questionnaire.Items)
        {
            json.WriteStartObject();
            json.WriteString("item", item.Key);
            json.WriteString("type", BundleNames.Of(item.Type));
            json.WriteString("text", item.Text);
            WriteNullable(json, "score", item.Score);
            json.WriteNumber("n", item.Respondents);
            json.WriteBoolean("suppressed", item.Suppressed);
            if (item.Summary is not null || item.Type is BundleItemType.Scale or BundleItemType.Minutes or BundleItemType.DomainGrid)
            {
                SummaryJson.Write(json, item.Type == BundleItemType.DomainGrid ? "total" : "summary", item.Summary);
            }
            if (item.Domains is { } domains)
            {
                json.WriteStartArray("domains");
                foreach (var domain in domains)
                {
                    json.WriteStartObject();
                    json.WriteNumber("domain", domain.Position);
                    SummaryJson.Write(json, "summary", domain.Summary);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (item.Yes is { } yes)
            {
                WriteProportion(json, "yes", yes);
            }
            if (item.Choices is { } choices)
            {
                json.WriteStartArray("choices");
                foreach (var choice in choices)
                {
                    json.WriteStartObject();
                    json.WriteNumber("position", choice.Position);
                    json.WriteString("choice", choice.Choice);
                    json.WriteNumber("count", choice.Count);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A paired comparison's fields, written into the object already open.</summary>
    private static void WritePaired(Utf8JsonWriter json, PairedComparison c)
    {
        json.WriteNumber("n_nonzero", c.NonZero);
        json.WriteNumber("n_increased", c.Increased);
        json.WriteNumber("n_decreased", c.Decreased);
        SummaryJson.Write(json, "before", c.Pre);
        SummaryJson.Write(json, "after", c.Post);
        SummaryJson.Write(json, "difference", c.Difference);
        var test = c.Test;
        WriteNumber(json, "w_plus", test?.WPlus);
        WriteNumber(json, "z", test?.Z);
        WriteNumber(json, "p_asymptotic", test?.PAsymptotic);
        WriteNumber(json, "p_exact", test?.PExact);
        WriteNumber(json, "r", test?.R);
        HodgesLehmannJson.Write(json, "hodges_lehmann", c.HodgesLehmann);
    }

    /// <summary>
    /// A waitlist's comparison (or a stepped wedge's first period): the outcome, each arm's own paired
    /// change, and the change compared between arms (a = start now, b = start later), null under k.
    /// </summary>
    private static void WriteWaitlist(Utf8JsonWriter json, WaitlistFigures figures)
    {
        json.WriteStartObject("outcome");
        json.WriteString("audience", BundleNames.Of(figures.Outcome.Audience));
        json.WriteString("score", figures.Outcome.Score);
        json.WriteString("from", BundleNames.Of(figures.Outcome.From));
        json.WriteString("to", BundleNames.Of(figures.Outcome.To));
        json.WriteEndObject();
        json.WriteStartArray("arms");
        foreach (var arm in new[] { figures.Now, figures.Later })
        {
            json.WriteStartObject();
            json.WriteString("arm", arm.Arm == Designs.Arm.StartNow ? "start_now" : "start_later");
            WriteChange(json, arm.From, arm.To, arm.Pairs, arm.Paired);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (figures.Between is { } between)
        {
            json.WriteStartObject("between_arms");
            TwoSampleJson.WriteFields(json, between);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("between_arms");
        }
    }

    private static void WriteSteppedWedge(Utf8JsonWriter json, SteppedWedgeFigures wedge)
    {
        json.WriteStartObject("stepped_wedge");
        json.WriteStartObject("first_period");
        WriteWaitlist(json, wedge.FirstPeriod);
        json.WriteEndObject();
        json.WriteStartArray("steps");
        foreach (var step in wedge.Steps)
        {
            json.WriteStartObject();
            json.WriteNumber("step", step.Step);
            json.WriteBoolean("mentored", step.Mentored);
            WriteChange(json, step.From, step.To, step.Pairs, step.Paired);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteChange(Utf8JsonWriter json, BundleStage from, BundleStage to, int pairs, PairedComparison? paired)
    {
        json.WriteString("from", BundleNames.Of(from));
        json.WriteString("to", BundleNames.Of(to));
        json.WriteNumber("n_pairs", pairs);
        json.WriteBoolean("suppressed", paired is null);
        if (paired is not null)
        {
            WritePaired(json, paired);
        }
    }

    private static void WriteComparison(Utf8JsonWriter json, ScoreComparison comparison)
    {
        json.WriteStartObject();
        json.WriteString("audience", BundleNames.Of(comparison.Audience));
        json.WriteString("score", comparison.Score);
        json.WriteString("from", BundleNames.Of(comparison.From));
        json.WriteString("to", BundleNames.Of(comparison.To));
        json.WriteNumber("maximum", comparison.Maximum);
        json.WriteStartArray("rows");
        foreach (var row in comparison.Rows)
        {
            json.WriteStartObject();
            if (row.Domain is int domain)
            {
                json.WriteNumber("domain", domain);
            }
            else
            {
                json.WriteNull("domain");
            }
            json.WriteString("label", row.Label);
            json.WriteNumber("n_pairs", row.Pairs);
            json.WriteBoolean("suppressed", row.Suppressed);
            if (row.Comparison is { } c)
            {
                WritePaired(json, c);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }


    private static void WriteProportion(Utf8JsonWriter json, string name, Proportion? proportion)
    {
        if (proportion is not { } p)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteNumber("count", p.Count);
        json.WriteNumber("n", p.Total);
        WriteNumber(json, "percentage", p.Percentage is decimal d ? (double)d : null);
        json.WriteString("text", p.ToString());
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
