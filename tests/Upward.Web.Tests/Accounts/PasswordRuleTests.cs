using Upward.Web.Identity;

namespace Upward.Web.Tests.Accounts;

/// <summary>NCSC-style rules: length and a deny list of common breached passwords, no composition rules.</summary>
public sealed class PasswordRuleTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("qwerty123456")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("password2024!")]
    [InlineData("iloveyou1234")]
    [InlineData("football12345")]
    public void Common_passwords_and_their_trivial_variants_are_refused(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password.ToLowerInvariant()));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("a brand new long password")]
    [InlineData("upward-demo-password")]
    [InlineData("alllowercaseandnodigits")]
    public void Long_uncommon_passwords_pass_without_composition_rules(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password));
}
