using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Accounts;

public sealed class AccountOptionsValidator : IValidateOptions<AccountOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AdminUserName))
        {
            errors.Add("Auth:AdminUserName must not be empty.");
        }
        if (options.MinPasswordLength is < 8 or > 128)
        {
            errors.Add($"Auth:MinPasswordLength must be from 8 to 128 (was {options.MinPasswordLength}).");
        }
        if (options.AdminPassword is { Length: > 0 } password && password.Length < options.MinPasswordLength)
        {
            errors.Add($"Auth:AdminPassword is shorter than Auth:MinPasswordLength ({options.MinPasswordLength}).");
        }
        if (options.MaxFailedSignIns < 1)
        {
            errors.Add($"Auth:MaxFailedSignIns must be at least 1 (was {options.MaxFailedSignIns}).");
        }
        foreach (var (key, value) in new[] { ("LockoutDuration", options.LockoutDuration), ("SessionLifetime", options.SessionLifetime), ("RevalidateInterval", options.RevalidateInterval) })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"Auth:{key} must be positive (was {value}).");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
