namespace Upward.Core.PhaseOne;

/// <summary>Who a brief is being released to.</summary>
public enum ReleaseAudience
{
    /// <summary>The mentor allocated to deliver it in the one-to-one.</summary>
    Mentor,

    /// <summary>The mentee it is about, where the programme allows.</summary>
    Mentee,
}

/// <summary>The answer to "may this brief be released?": allowed, or the reason a person can act on.</summary>
public sealed record ReleaseDecision(bool Allowed, string? Reason)
{
    public static readonly ReleaseDecision Yes = new(true, null);
    public static ReleaseDecision No(string reason) => new(false, reason);
}

/// <summary>
/// The rule for releasing a feedback brief: reviewed by a facilitator, and in
/// anonymous mode resting on at least k distinct contributors.
/// </summary>
public static class FeedbackBriefRelease
{
    /// <summary>Whether <paramref name="brief"/> may go to <paramref name="audience"/>, with the reason if not.</summary>
    public static ReleaseDecision CanRelease(FeedbackBrief brief, ReleaseAudience audience, PhaseOneSettings settings, int anonymityThreshold, int distinctContributors)
    {
        if (settings.Mode == FeedbackMode.Anonymous && distinctContributors < anonymityThreshold)
        {
            return ReleaseDecision.No(
                $"Only {distinctContributors} of the {anonymityThreshold} mentors needed have contributed. A brief built from fewer could point to who wrote it.");
        }
        if (brief.ReviewedAtUtc is null)
        {
            return ReleaseDecision.No("A facilitator must review the brief before it is released. Editing a brief undoes its review.");
        }
        return audience switch
        {
            ReleaseAudience.Mentee when !settings.MenteeMaySeeBrief =>
                ReleaseDecision.No("This programme does not release briefs to mentees. The coordinator can change this in the phase 1 settings."),
            ReleaseAudience.Mentee when brief.ReleasedToMenteeAtUtc is not null =>
                ReleaseDecision.No("The brief has already been released to the mentee."),
            ReleaseAudience.Mentor when brief.AllocatedMentorEnrolmentId is null =>
                ReleaseDecision.No("No mentor has been allocated to this mentee yet. Release to the mentor becomes possible after the allocation."),
            ReleaseAudience.Mentor when brief.ReleasedToMentorAtUtc is not null =>
                ReleaseDecision.No("The brief has already been released to the allocated mentor."),
            _ => ReleaseDecision.Yes,
        };
    }

    /// <summary>Whether contributions may be read at all (by the facilitator building the brief): not below the threshold.</summary>
    public static bool ContributionsMayBeRead(int distinctContributors, int anonymityThreshold) => distinctContributors >= anonymityThreshold;

    /// <summary>Records a permitted release; call only after <see cref="CanRelease"/> allowed it.</summary>
    public static void Release(FeedbackBrief brief, ReleaseAudience audience, DateTime nowUtc)
    {
        if (audience == ReleaseAudience.Mentee)
        {
            brief.ReleasedToMenteeAtUtc = nowUtc;
            brief.Status = BriefStatus.ReleasedToMentee;
        }
        else
        {
            brief.ReleasedToMentorAtUtc = nowUtc;
            if (brief.Status != BriefStatus.ReleasedToMentee)
            {
                brief.Status = BriefStatus.ReleasedToMentor;
            }
        }
    }
}
