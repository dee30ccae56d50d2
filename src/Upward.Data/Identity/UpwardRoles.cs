namespace Upward.Data.Identity;

/// <summary>Organisation-wide roles held through ASP.NET Core Identity; programme roles are on enrolments.</summary>
public static class UpwardRoles
{
    public const string OrganisationAdmin = "OrganisationAdmin";
}
