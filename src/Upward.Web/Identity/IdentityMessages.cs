using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

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

    /// <summary>
    /// Puts each error of a failed account creation on the form: password errors on the password
    /// field, anything else on <paramref name="otherField"/>.
    /// </summary>
    public static void AddTo(ModelStateDictionary modelState, IdentityResult result, string passwordField, string otherField)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? passwordField : otherField, Describe(error));
        }
    }
}
