namespace Upward.Core.Evaluation.Checklists;

/// <summary>
/// GRIPP2's short form, for reporting patient and public involvement (Staniszewska S, et al. BMJ
/// 2017;358:j3453), offered for programmes where patients or carers mentor. Upward can describe how
/// patients took part and what happened; the aim, the effect on the work and the reflections are
/// the author's.
/// </summary>
public static class Gripp2ShortForm
{
    public const string Title = "GRIPP2 short form";
    public const string Source = "Staniszewska S, Brett J, Simera I, et al. GRIPP2 reporting checklists: tools to improve reporting of patient and public involvement in research. BMJ 2017;358:j3453.";

    /// <summary>Whether the checklist applies: the programme's mentors are patients or carers.</summary>
    public static bool AppliesTo(ChecklistFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Type == Programmes.ProgrammeType.PatientAsMentor || facts.PatientMentors > 0;
    }

    public static ReportingChecklist Draft(EvaluationReport report, ChecklistFacts facts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(facts);
        const string Section = "Patient and public involvement";
        return new ReportingChecklist(Title, Source,
        [
            new("1", Section, "Aim", "The aim of patient and public involvement in the study.", null),
            new("2", Section, "Methods", "How patients and the public were involved.", Methods(report, facts)),
            new("3", Section, "Results", "The outcomes of involvement, positive and negative.", Results(report)),
            new("4", Section, "Discussion and conclusions", "How far involvement influenced the study overall, its positive and negative effects.", null),
            new("5", Section, "Reflections", "A critical look at what went well and what did not, so others can learn.", null),
        ]);
    }

    private static string Methods(EvaluationReport report, ChecklistFacts facts)
    {
        var patients = facts.PatientMentors == 1 ? "1 patient or carer" : $"{facts.PatientMentors} patients or carers";
        var text = $"{patients} took part as mentors to clinicians at {facts.Organisation}, sharing lived experience in one-to-one sessions "
            + $"({report.Sessions.SessionsPerPair} planned per pair). They needed no staff record and were asked no staff questions.";
        if (facts.SafeguardingContactShown) text += " A named safeguarding contact was shown on their pages.";
        if (facts.ExpenseClaimsPaid > 0) text += $" Their expenses were reimbursed through the programme ({facts.ExpenseClaimsPaid} {(facts.ExpenseClaimsPaid == 1 ? "claim" : "claims")} paid).";
        if (facts.PreparationModules.Count > 0)
        {
            text += $" They were prepared with short modules ({string.Join("; ", facts.PreparationModules)}).";
        }
        return text + " Add how patients were recruited and whether they shaped the design or the evaluation.";
    }

    private static string Results(EvaluationReport report)
    {
        var s = report.Sessions;
        return $"{s.Pairs} {(s.Pairs == 1 ? "pair was" : "pairs were")} formed; {s.PairsThatMet} met at least once, and {s.Held} sessions were held. "
            + string.Join(" ", Headline.Findings(report).Select(f => f.Sentence))
            + " Add what patients and clinicians said about taking part.";
    }
}
