using Upward.Core.PhaseOne;
using Upward.Data;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>Mentors the mentee would rather not meet: allocation never pairs them, even by hand.</summary>
public sealed class RatherNotMeetModel(UpwardDbContext db) : MentorChoicePageModel<MentorDecline, MentorWish>(db)
{
    protected override string PageName => "/PhaseOne/RatherNotMeet";
    protected override string OtherListName => "would like to meet";
}
