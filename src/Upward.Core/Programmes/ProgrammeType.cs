namespace Upward.Core.Programmes;

/// <summary>The templates a programme starts from; each brings its own domains and questionnaires.</summary>
public enum ProgrammeType
{
    /// <summary>The published method: juniors give group feedback, then one-to-one sessions.</summary>
    ClinicalFeedback = 0,
    DigitalSkills = 1,
    Inclusion = 2,
    PatientAsMentor = 3,
    Reciprocal = 4,
}
