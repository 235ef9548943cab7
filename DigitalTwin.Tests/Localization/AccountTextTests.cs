using System.ComponentModel.DataAnnotations;
using DigitalTwin.Core.Accounts;
using DigitalTwin.Web.Accounts;
using DigitalTwin.Web.Components.Account;
using DigitalTwin.Web.Components.Users;

namespace DigitalTwin.Tests.Localization;

/// <summary>The account pages' validation and refusals in both languages: the sign-in forms, the user and token forms.</summary>
public sealed class AccountTextTests
{
    [Theory]
    [InlineData("en", "Enter your user name.", "The two new passwords differ.")]
    [InlineData("ko", "사용자 이름을 입력하세요.", "새 비밀번호 두 개가 서로 다릅니다.")]
    public void SignInForms_Empty_ValidationInTheLanguage(string culture, string userNameMissing, string passwordsDiffer)
    {
        using var _ = TestText.Speak(culture);

        Assert.Contains(userNameMissing, Validate(new SignInForm { Password = "x" }));
        Assert.Contains(passwordsDiffer, Validate(new ChangePasswordForm { CurrentPassword = "a", NewPassword = "b", ConfirmPassword = "c" }));
    }

    [Fact]
    public void SingleSignOnErrors_EveryCode_HasWordsInBothLanguages()
    {
        string[] codes = [SingleSignOnErrors.NoRole, SingleSignOnErrors.Disabled, SingleSignOnErrors.Failed, SingleSignOnErrors.Off, "made-up"];
        foreach (var code in codes)
        {
            Assert.False(TestText.Localizer[SingleSignOn.ErrorKey(code)!].ResourceNotFound, code);
        }
    }

    [Theory]
    [InlineData("en", "Give the user a sign-in name, e.g. 'jkim'.", "Give at least one role (Viewer, Operator, Analyst, Admin); Viewer may read everything. Disable a user to shut them out.")]
    [InlineData("ko", "로그인 이름을 입력하세요. 예: 'jkim'", "역할을 하나 이상 주세요(조회자, 운영자, 분석가, 관리자). 조회자는 모든 것을 볼 수 있습니다. 접근을 막으려면 사용자를 비활성화하세요.")]
    public void UserFormErrors_NoNameNoRole_WordsUnderEachField(string culture, string nameError, string rolesError)
    {
        using var _ = TestText.Speak(culture);
        var draft = new NewUser("", null, []);
        var refused = new UserChange(UserChangeStatus.Invalid, Errors: draft.Validate("abc"));

        var errors = TestText.Localizer.UserFormErrors(refused, draft);

        Assert.Equal([nameError], errors[UserFormDialog.UserNameField]);
        Assert.Equal([rolesError], errors[UserFormDialog.RolesField]);
    }

    [Fact]
    public void Refusal_LastAdminInKorean_NamesTheUserAndTheWayOut()
    {
        using var _ = TestText.Speak("ko");

        var message = TestText.Localizer.Refusal(new UserChange(UserChangeStatus.LastAdmin, Message: "English"), "admin", "Users.LastAdmin.Disable");

        Assert.StartsWith("admin은(는) 마지막 활성 관리자입니다.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenFormErrors_DaysOutOfRangeInKorean_SaysTheRange()
    {
        using var _ = TestText.Speak("ko");
        var request = new TokenRequest("nightly", 999);

        var errors = TestText.Localizer.TokenFormErrors(request.Validate([Roles.Viewer]), request);

        Assert.Equal(["1~366일 사이로 정하세요 (기본 30일)."], errors[TokenCreateDialog.DaysField]);
    }

    private static List<string?> Validate(object form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage)];
    }
}
