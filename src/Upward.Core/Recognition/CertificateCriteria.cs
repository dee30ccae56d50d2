using Upward.Core.Preparation;

namespace Upward.Core.Recognition;

/// <summary>What a mentor has done, measured against the programme's criteria for a certificate.</summary>
public sealed record MentorRecord(bool PreparationDone, int SessionsHeld, bool EvaluationReturned);

public static class CertificateCriteria
{
    /// <summary>What is still missing for a certificate, in plain words; empty when the mentor meets every criterion.</summary>
    public static IReadOnlyList<string> Missing(PreparationSettings settings, MentorRecord record)
    {
        var missing = new List<string>();
        if (settings.CertificateNeedsPreparation && !record.PreparationDone) missing.Add("Finish every preparation module");
        if (record.SessionsHeld < settings.CertificateMinimumSessions)
        {
            missing.Add(settings.CertificateMinimumSessions == 1
                ? "Hold a session with your mentee"
                : $"Hold {settings.CertificateMinimumSessions} sessions with your mentee ({record.SessionsHeld} held so far)");
        }
        if (settings.CertificateNeedsEvaluation && !record.EvaluationReturned) missing.Add("Answer the programme's last questionnaire");
        return missing;
    }
}
