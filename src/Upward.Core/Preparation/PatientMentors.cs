using Upward.Core.Programmes;

namespace Upward.Core.Preparation;

/// <summary>
/// Who takes part as a patient or carer rather than as staff: every mentor of a "Patient as mentor"
/// programme unless the coordinator says otherwise, and any mentor elsewhere the coordinator marks.
/// Patient mentors are asked no staff questions and see the programme's safeguarding contact.
/// </summary>
public static class PatientMentors
{
    public static bool Is(Enrolment enrolment, ProgrammeType type) =>
        enrolment.Role == ProgrammeRole.Mentor && (enrolment.IsPatientMentor ?? type == ProgrammeType.PatientAsMentor);
}
