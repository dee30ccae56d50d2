namespace Upward.Web.Startup;

/// <summary>Names of authorisation policies, checked in one place per resource.</summary>
public static class Policies
{
    public const string OrganisationAdmin = "OrganisationAdmin";
}
