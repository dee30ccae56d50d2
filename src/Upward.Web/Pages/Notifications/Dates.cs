using System.Globalization;

namespace Upward.Web.Pages.Notifications;

/// <summary>Dates as people read them in UK English: "Friday 14 March 2027".</summary>
public static class Dates
{
    public static string Long(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
