namespace Upward.Core.Programmes;

/// <summary>What a new programme of a given type starts with; the coordinator may change it while it is a draft.</summary>
public sealed record ProgrammeTemplate(
    ProgrammeType Type,
    string Title,
    string Summary,
    IReadOnlyList<string> Domains,
    int Phases,
    int SessionsPerPair,
    bool MentorsNeedStaffRecord)
{
    /// <summary>The seven domains of Raju et al. (BMJ Open 2022), in the order the study lists them.</summary>
    public static readonly IReadOnlyList<string> StudyDomains =
    [
        "Use of technology",
        "Clinical practice",
        "Approach to juniors",
        "Time management",
        "Approachability",
        "Strengths",
        "Areas for improvement",
    ];

    public static readonly ProgrammeTemplate ClinicalFeedback = new(
        ProgrammeType.ClinicalFeedback,
        "Clinical feedback",
        "Juniors of a unit give their supervisors structured feedback as a group, then one of them meets each supervisor one to one.",
        StudyDomains,
        Phases: 2,
        SessionsPerPair: 1,
        MentorsNeedStaffRecord: true);

    public static readonly ProgrammeTemplate DigitalSkills = new(
        ProgrammeType.DigitalSkills,
        "Digital skills",
        "Confident users of digital tools help senior colleagues with specific tools in one to three short sessions.",
        ["Telemedicine and video consultations", "Apps and mobile devices", "Electronic patient records", "Literature searching", "Social media and professional presence"],
        Phases: 1,
        SessionsPerPair: 3,
        MentorsNeedStaffRecord: true);

    public static readonly ProgrammeTemplate Inclusion = new(
        ProgrammeType.Inclusion,
        "Inclusion",
        "Staff from under-represented groups meet senior leaders regularly to share what working here is like for them.",
        ["Inclusive language", "Bullying and harassment policy", "Fair recruitment and interview panels", "Career progression", "Speaking up"],
        Phases: 1,
        SessionsPerPair: 6,
        MentorsNeedStaffRecord: true);

    public static readonly ProgrammeTemplate PatientAsMentor = new(
        ProgrammeType.PatientAsMentor,
        "Patient as mentor",
        "Patients and carers share lived experience with clinicians. Mentors are invited by email and need no staff record.",
        ["Lived experience", "Communication", "Access to services", "Shared decision making", "Dignity and respect"],
        Phases: 1,
        SessionsPerPair: 2,
        MentorsNeedStaffRecord: false);

    public static readonly ProgrammeTemplate Reciprocal = new(
        ProgrammeType.Reciprocal,
        "Reciprocal",
        "Everyone mentors in one topic and learns in another, as a community of practice.",
        ["Digital tools", "Clinical practice", "Leadership", "Teaching", "Research"],
        Phases: 1,
        SessionsPerPair: 3,
        MentorsNeedStaffRecord: true);

    public static readonly IReadOnlyList<ProgrammeTemplate> All = [ClinicalFeedback, DigitalSkills, Inclusion, PatientAsMentor, Reciprocal];

    public static ProgrammeTemplate For(ProgrammeType type) => All.Single(t => t.Type == type);
}
