namespace Upward.Web.Identity.OrganisationSignIn;

/// <summary>Why an organisation sign-in did not go through, as the sign-in page explains it.</summary>
public enum OrganisationSignInProblem
{
    None,
    ProviderFailed,
    EmailNotVerified,
    DomainNotAllowed,
    AnotherOrganisation,
    NoEmail,
}

public static class OrganisationSignInProblems
{
    public static string Describe(OrganisationSignInProblem problem, string providerName) => problem switch
    {
        OrganisationSignInProblem.ProviderFailed =>
            $"Signing in with {Name(providerName)} did not work. Try again, or sign in with your email address and password",
        OrganisationSignInProblem.EmailNotVerified =>
            $"{Name(providerName)} has not confirmed your email address, so Upward cannot use it. Ask your IT service desk, or sign in with your email address and password",
        OrganisationSignInProblem.DomainNotAllowed =>
            $"Your organisation does not allow email addresses like yours to sign in with {Name(providerName)}. Sign in with your email address and password",
        OrganisationSignInProblem.AnotherOrganisation =>
            "Your Upward account belongs to another organisation. Sign in with your email address and password",
        OrganisationSignInProblem.NoEmail =>
            $"{Name(providerName)} did not give Upward your email address. Ask your IT service desk",
        _ => "",
    };

    private static string Name(string providerName) => string.IsNullOrWhiteSpace(providerName) ? "your organisation account" : providerName;
}
