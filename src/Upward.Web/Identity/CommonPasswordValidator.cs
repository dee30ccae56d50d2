using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Upward.Data.Identity;

namespace Upward.Web.Identity;

/// <summary>
/// Refuses passwords on the shipped list of common breached passwords (CommonPasswords.txt; its
/// source is in CommonPasswords.md), also with digits or symbols added at the end, and passwords
/// that are the person's own email address. No composition rules: NCSC guidance is length plus a deny list.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<UpwardUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string EmailCode = "PasswordIsEmail";

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<UpwardUser> manager, UpwardUser user, string? password)
    {
        var candidate = (password ?? "").Trim().ToLowerInvariant();
        if (candidate.Length == 0) return Task.FromResult(IdentityResult.Success);
        if (IsCommon(candidate))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = CommonCode, Description = "Choose a password that is harder to guess: this one is often used and appears in lists of leaked passwords" }));
        }
        var email = (user.Email ?? "").Trim().ToLowerInvariant();
        if (email.Length > 0 && (candidate == email || candidate == email.Split('@')[0]))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = EmailCode, Description = "Choose a password that is not your email address" }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string lowerCasePassword)
    {
        if (Common.Value.Contains(lowerCasePassword)) return true;
        // "password2024!" is still "password": the common stem with digits and symbols after it.
        var stem = lowerCasePassword.TrimEnd("0123456789!\"£$%^&*()-_=+[]{};:'@#~,.<>/?\\| ".ToCharArray());
        return stem.Length >= 4 && stem.Length < lowerCasePassword.Length && Common.Value.Contains(stem);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Upward.Web.Identity.CommonPasswords.txt")
            ?? throw new InvalidOperationException("CommonPasswords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) set.Add(line);
        }
        return set;
    }
}
