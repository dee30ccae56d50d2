using Microsoft.AspNetCore.Identity;

namespace Upward.Web.Identity;

/// <summary>Identity's errors in the plain English of the NHS.UK error message pattern.</summary>
public static class IdentityMessages
{
    public static string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "Password must be at least 12 characters",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "Password must use more different characters",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            "An account with this email address already exists",
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            "Enter an email address in the correct format, like name@example.nhs.uk",
        _ => error.Description,
    };
}
