namespace Upward.Core.Programmes;

/// <summary>A reverse mentoring programme run by one organisation.</summary>
public sealed class Programme
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid OrganisationId { get; init; }
    public required string Name { get; set; }
    public ProgrammeType Type { get; init; }
    public ProgrammeStatus Status { get; set; } = ProgrammeStatus.Draft;

    /// <summary>Fewest respondents a figure or a feedback brief may rest on (k); 3 unless the coordinator changes it.</summary>
    public int AnonymityThreshold { get; set; } = 3;

    /// <summary>The agreed upper time limit of a one-to-one session.</summary>
    public int SessionTimeLimitMinutes { get; set; } = 60;

    public string TimeZone { get; set; } = "Europe/London";
    public string? EthicsReference { get; set; }
    public int RetentionMonths { get; set; } = 24;

    /// <summary>When set, anyone with the link may apply to join until this moment (open recruitment).</summary>
    public DateTime? ApplicationsCloseAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Whether a mentor may be paired with their own clinical supervisor (the study allowed it).</summary>
    public Allocation.SupervisorRule SupervisorRule { get; set; } = Allocation.SupervisorRule.Allowed;

    /// <summary>How many mentees one mentor takes in an allocation.</summary>
    public int MenteesPerMentor { get; set; } = 1;

    /// <summary>How many one-to-one sessions a pair is expected to hold (the study: one).</summary>
    public int SessionsPerPair { get; set; } = 1;

    /// <summary>Departments participants choose from, so best-fit allocation can pair across departments.</summary>
    public List<string> Departments { get; set; } = [];

    /// <summary>Specialties participants choose from, so best-fit allocation can pair a shared specialty.</summary>
    public List<string> Specialties { get; set; } = [];

    public List<ProgrammeDomain> Domains { get; init; } = [];
    public List<Enrolment> Enrolments { get; init; } = [];

    /// <summary>Starts a draft programme from a template, copying its domains so they can be edited.</summary>
    public static Programme FromTemplate(ProgrammeTemplate template, Guid organisationId, string name)
    {
        var programme = new Programme { Name = name, Type = template.Type, OrganisationId = organisationId, SessionsPerPair = template.SessionsPerPair };
        for (var i = 0; i < template.Domains.Count; i++)
        {
            programme.Domains.Add(new ProgrammeDomain { ProgrammeId = programme.Id, Position = i + 1, Name = template.Domains[i] });
        }
        return programme;
    }
}
