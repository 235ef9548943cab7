using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace DigitalTwin.Web.Problems;

/// <summary>Names the field a failed binding is about and says what it accepts.</summary>
internal sealed partial class BindingErrorDescriber(IOptions<HttpJsonOptions> json)
{
    /// <summary>The key of a problem with the body as a whole (malformed JSON at its start, a missing body).</summary>
    public const string Body = "body";

    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;

    public IReadOnlyDictionary<string, string[]> Describe(HttpContext context, BadHttpRequestException exception)
    {
        var parameter = Parameter().Match(exception.Message);
        var name = parameter.Success ? parameter.Groups["name"].Value : null;
        var type = name is null ? null : ParameterType(context, name);
        if (exception.InnerException is JsonException jsonError)
        {
            return One(JsonPaths.Describe(jsonError, type, _options));
        }
        if (name is null)
        {
            return new Dictionary<string, string[]> { [Body] = [exception.Message] };
        }
        var accepted = type is null ? null : AcceptedValues.Describe(Nullable.GetUnderlyingType(type) ?? type);
        var message = parameter.Groups["value"].Success
            ? $"'{Shorten(parameter.Groups["value"].Value)}' is not valid for '{name}'{(accepted is null ? "." : $": {accepted}.")}"
            : $"'{name}' is required{(accepted is null ? "." : $": {accepted}.")}";
        // A body parameter is the body, whatever the handler calls it.
        return One((exception.Message.Contains("body", StringComparison.Ordinal) ? Body : name, message));
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static Dictionary<string, string[]> One((string Field, string Message) error) => new() { [error.Field] = [error.Message] };

    /// <remarks>The exception handler has cleared the request's endpoint by now; its feature keeps it.</remarks>
    private static Type? ParameterType(HttpContext context, string name) =>
        (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())?.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))?.ParameterType;

    /// <summary>
    /// RequestDelegateFactory's messages name the parameter as <c>"type name"</c>, e.g.
    /// <c>Failed to bind parameter "long? rule" from "abc".</c> or <c>Failed to read parameter "AlertRuleDraft draft" from the request body as JSON.</c>
    /// </summary>
    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>[^" ]+)"(?: from "(?<value>.*)"\.$)?""", RegexOptions.Singleline)]
    private static partial Regex Parameter();
}
