using Upward.Core.PhaseOne;
using Upward.Data;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>Mentors the mentee would like to meet: best-fit allocation favours them when the coordinator counts wishes.</summary>
public sealed class WouldLikeToMeetModel(UpwardDbContext db) : MentorChoicePageModel<MentorWish, MentorDecline>(db)
{
    protected override string PageName => "/PhaseOne/WouldLikeToMeet";
    protected override string OtherListName => "would rather not meet";
}
