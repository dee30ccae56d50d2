using Upward.Core.Programmes;

namespace Upward.Core.People;

/// <summary>
/// Checks a coordinator's CSV of people to invite, every row, before anything is imported: the
/// import is all or nothing, and every wrong row is reported with why.
/// </summary>
public static class InvitationImport
{
    public const int MaxRows = 5000;
    public static readonly IReadOnlyList<string> RequiredColumns = ["email", "name", "role"];

    public sealed record Row(int Line, string Email, string Name, ProgrammeRole Role, DemographicBands Demographics);

    public sealed record Problem(int Line, string Message);

    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlyList<Problem> Problems)
    {
        public bool IsValid => Problems.Count == 0 && Rows.Count > 0;
    }

    private static readonly Dictionary<string, ProgrammeRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mentor"] = ProgrammeRole.Mentor,
        ["mentee"] = ProgrammeRole.Mentee,
        ["facilitator"] = ProgrammeRole.Facilitator,
        ["researcher"] = ProgrammeRole.Researcher,
        ["coordinator"] = ProgrammeRole.Coordinator,
        ["concerns lead"] = ProgrammeRole.ConcernsLead,
    };

    /// <param name="alreadyInvited">Email (normalised) and role pairs already invited to or enrolled in the programme.</param>
    public static Result Check(string text, ISet<(string Email, ProgrammeRole Role)> alreadyInvited)
    {
        IReadOnlyList<CsvReader.Record> records;
        try
        {
            records = CsvReader.Read(text);
        }
        catch (FormatException e)
        {
            return Fail(0, $"The file is not a readable CSV file: {e.Message}");
        }
        if (records.Count == 0)
        {
            return Fail(0, "The file is empty");
        }

        var header = records[0].Fields.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return Fail(1, $"The first line must name the columns email, name and role; it is missing {string.Join(", ", missing)}");
        }
        var known = RequiredColumns.Concat(Demographics.All.Select(q => q.Key)).ToHashSet();
        var unknown = header.Where(h => !known.Contains(h)).ToList();
        if (unknown.Count > 0)
        {
            return Fail(1, $"The first line has columns Upward does not know: {string.Join(", ", unknown)}");
        }
        if (records.Count == 1)
        {
            return Fail(0, "The file has column names but no people");
        }
        if (records.Count - 1 > MaxRows)
        {
            return Fail(0, $"The file has {records.Count - 1} people; import at most {MaxRows} at a time");
        }

        var rows = new List<Row>();
        var problems = new List<Problem>();
        var seen = new Dictionary<string, int>();
        foreach (var record in records.Skip(1))
        {
            string Cell(string column)
            {
                var i = header.IndexOf(column);
                return i >= 0 && i < record.Fields.Count ? record.Fields[i].Trim() : "";
            }
            var rowProblems = new List<string>();
            if (record.Fields.Count != header.Count)
            {
                rowProblems.Add($"has {record.Fields.Count} values but the first line names {header.Count} columns");
            }
            var email = Cell("email");
            if (!EmailAddress.IsValid(email))
            {
                rowProblems.Add(email.Length == 0 ? "has no email address" : $"email '{email}' is not an email address");
            }
            else if (seen.TryGetValue(EmailAddress.Normalise(email), out var firstLine))
            {
                rowProblems.Add($"email {email} is also on line {firstLine}");
            }
            var name = Cell("name");
            if (name.Length == 0) rowProblems.Add("has no name");
            else if (name.Length > 200) rowProblems.Add("name is longer than 200 characters");
            var roleText = Cell("role");
            if (!Roles.TryGetValue(roleText, out var role))
            {
                rowProblems.Add(roleText.Length == 0 ? "has no role" : $"role '{roleText}' is not one of mentor, mentee, facilitator, researcher or coordinator");
            }
            else if (EmailAddress.IsValid(email) && alreadyInvited.Contains((EmailAddress.Normalise(email), role)))
            {
                rowProblems.Add($"{email} is already invited to this programme as {roleText.ToLowerInvariant()}");
            }
            var bands = new DemographicBands();
            foreach (var question in Demographics.All)
            {
                var value = Cell(question.Key);
                if (value.Length == 0) continue;
                var band = Demographics.Normalise(question, value);
                if (band is null)
                {
                    rowProblems.Add($"{question.Key} '{value}' is not one of: {string.Join(", ", question.Bands)}");
                    continue;
                }
                Assign(bands, question, band);
            }

            if (EmailAddress.IsValid(email)) seen.TryAdd(EmailAddress.Normalise(email), record.Line);
            if (rowProblems.Count > 0)
            {
                problems.Add(new Problem(record.Line, $"Line {record.Line} {string.Join("; ", rowProblems)}"));
            }
            else
            {
                rows.Add(new Row(record.Line, EmailAddress.Normalise(email), name, role, bands));
            }
        }
        return new Result(problems.Count == 0 ? rows : [], problems);
    }

    private static Result Fail(int line, string message) => new([], [new Problem(line, message)]);

    private static void Assign(DemographicBands bands, Demographics.Question question, string band)
    {
        switch (question.Key)
        {
            case "gender": bands.Gender = band; break;
            case "age_band": bands.AgeBand = band; break;
            case "staff_group": bands.StaffGroup = band; break;
            case "grade": bands.Grade = band; break;
            case "years_in_role": bands.YearsInRole = band; break;
            case "prior_mentoring": bands.PriorMentoring = band; break;
        }
    }
}
