using DigitalTwin.Core.Devices;
using System.Text.RegularExpressions;
using DigitalTwin.Core.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Devices;

/// <summary>The ProblemDetails the device and telemetry endpoints share.</summary>
public static partial class ApiProblems
{
    public static ProblemHttpResult? InvalidDeviceId(string id) => DeviceId.IsValid(id)
        ? null
        : Invalid("Invalid device id", "id", $"'{Problems.BindingErrorDescriber.Shorten(id)}' is not a valid device id ({DeviceId.Rule}).");

    public static ProblemHttpResult UnknownDevice(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown device",
            detail: $"No device '{id}' has reported telemetry.");

    public static ProblemHttpResult UnregisteredDevice(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown device",
            detail: $"No device '{id}' is registered.");

    /// <param name="detail">Starts with the parameter in quotes, as every query parser here words it ("'limit' (x) must be …").</param>
    public static ProblemHttpResult BadQuery(string detail) =>
        Invalid("Invalid query", LeadingName().Match(detail) is { Success: true } match ? match.Groups[1].Value : "query", detail);

    /// <summary>A 400 whose <c>errors</c> name the field, like every other 400 of the API.</summary>
    public static ProblemHttpResult Invalid(string title, string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = message,
        });

    [GeneratedRegex("^'([A-Za-z]+)'")]
    private static partial Regex LeadingName();
}
