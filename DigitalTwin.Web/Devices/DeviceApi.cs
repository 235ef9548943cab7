using DigitalTwin.Core.Telemetry;
using DigitalTwin.Web.Twins;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DigitalTwin.Web.Devices;

public static class DeviceApi
{
    public static RouteGroupBuilder MapDeviceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/devices").WithTags("Devices");
        group.MapGet("/", ListDevices).WithSummary("Every known device with its twin");
        group.MapGet("/{id}", GetDevice).WithSummary("One device's twin: latest metrics, status, last seen");
        group.MapDeviceRegistry();
        return group;
    }

    private static async Task<Ok<DeviceTwinResponse[]>> ListDevices(TwinDirectory twins) =>
        TypedResults.Ok((await twins.GetAllAsync()).Select(DeviceTwinResponse.From).ToArray());

    private static async Task<Results<Ok<DeviceTwinResponse>, ProblemHttpResult>> GetDevice(string id, TwinDirectory twins)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        return await twins.GetAsync(id) is { } twin
            ? TypedResults.Ok(DeviceTwinResponse.From(twin))
            : ApiProblems.UnknownDevice(id);
    }
}
