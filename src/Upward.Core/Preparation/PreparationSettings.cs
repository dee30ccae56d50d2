namespace Upward.Core.Preparation;

/// <summary>A programme's choices on preparation, patient mentors and certificates, kept beside the programme.</summary>
public sealed class PreparationSettings
{
    public Guid ProgrammeId { get; init; }

    /// <summary>Allocation leaves out mentors who are not ready (modules, self-assessment, induction).</summary>
    public bool AllocationWaitsForReadiness { get; set; }

    /// <summary>Whom patient and carer mentors contact about safeguarding: a name, role and how to reach them.</summary>
    public string? SafeguardingContact { get; set; }

    /// <summary>A certificate needs every preparation module the mentor is asked to do.</summary>
    public bool CertificateNeedsPreparation { get; set; } = true;

    /// <summary>A certificate needs at least this many sessions held.</summary>
    public int CertificateMinimumSessions { get; set; } = 1;

    /// <summary>A certificate needs the mentor's last questionnaire returned.</summary>
    public bool CertificateNeedsEvaluation { get; set; } = true;

    /// <summary>Mentees may invite colleagues by email to add anonymous 360° feedback beside their brief.</summary>
    public bool ColleagueInputEnabled { get; set; }

    public const int SafeguardingContactMaxLength = 300;

    public static PreparationSettings DefaultFor(Guid programmeId) => new() { ProgrammeId = programmeId };
}
