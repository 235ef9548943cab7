using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Data;

internal sealed class DatabaseOptionsValidator(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            errors.Add($"Database:Provider={options.Provider} is not supported; use Sqlite or Postgres.");
        }
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(DataExtensions.ConnectionName)))
        {
            errors.Add($"ConnectionStrings:{DataExtensions.ConnectionName} is not set.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
