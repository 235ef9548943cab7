using DigitalTwin.Core.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Devices;

/// <summary>The ProblemDetails the device and telemetry endpoints share.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult? InvalidDeviceId(string id) => DeviceId.IsValid(id)
        ? null
        : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid device id",
            detail: $"'{id}' is not a valid device id ({DeviceId.Rule}).");

    public static ProblemHttpResult UnknownDevice(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown device",
            detail: $"No device '{id}' has reported telemetry.");

    public static ProblemHttpResult UnregisteredDevice(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown device",
            detail: $"No device '{id}' is registered.");

    public static ProblemHttpResult BadQuery(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: detail);
}
