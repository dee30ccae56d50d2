using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Upward.Data.Identity;

namespace Upward.Web.Identity;

/// <summary>
/// Runs Identity's password rules (length, the common-password list) before a form is judged, so the
/// error summary lists a weak password together with every other mistake instead of one round later.
/// </summary>
public static class PasswordRules
{
    public static async Task CheckAsync(UserManager<UpwardUser> users, UpwardUser user, string? password, ModelStateDictionary modelState, string field)
    {
        if (string.IsNullOrEmpty(password)) return; // "Create a password" is the form's own error
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            foreach (var error in result.Errors)
            {
                modelState.AddModelError(field, IdentityMessages.Describe(error));
            }
        }
    }
}
