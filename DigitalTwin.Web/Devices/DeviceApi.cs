using DigitalTwin.Core.Twins;
using System.ComponentModel;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Web.Twins;
using Microsoft.AspNetCore.Http.HttpResults;

using DigitalTwin.Web.Accounts;

namespace DigitalTwin.Web.Devices;

public static class DeviceApi
{
    public static RouteGroupBuilder MapDeviceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/devices").WithTags("Devices").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListDevices)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("A page of devices with their status and newest values: search, filter by kind/tag/status, sort")
            .WithDescription("The same query as the /devices page, answered from the registry, the status board and the newest "
                + "stored values, without activating a twin per device. 'total' counts every match; page with offset and limit.");
        group.MapGet("/{id}", GetDevice).WithSummary("One device's twin: latest metrics, status, last seen");
        group.MapDeviceRegistry();
        group.MapTwinProperties();
        group.MapDeviceCommands();
        return group;
    }

    private static async Task<Results<Ok<DeviceListResponse>, ProblemHttpResult>> ListDevices(
        [Description("Part of the id, name or location, any case")] string? search,
        [Description("Exact kind, e.g. thermometer")] string? kind,
        [Description("Exact tag")] string? tag,
        [Description("online, offline or never-seen")] string? status,
        [Description("id (default), name, kind, location, status or lastSeen")] string? sort,
        [Description("asc (default) or desc")] string? order,
        [Description("Devices to skip (default 0)")] string? offset,
        [Description("Devices per page: 1 to 200 (default 50)")] string? limit,
        DeviceList devices, CancellationToken cancellationToken)
    {
        var (query, error) = DeviceListRequest.Parse(search, kind, tag, status, sort, order, offset, limit);
        if (query is null)
        {
            return ApiProblems.BadQuery(error!);
        }
        var page = await devices.QueryAsync(query, cancellationToken);
        var metrics = await devices.LatestMetricsAsync([.. page.Items.Select(i => i.Device.Id)], cancellationToken);
        return TypedResults.Ok(new DeviceListResponse(
            [.. page.Items.Select(i => DeviceListItemResponse.From(i, metrics[i.Device.Id]))], page.Total, query.Skip, query.Take));
    }

    private static async Task<Results<Ok<DeviceTwinResponse>, ProblemHttpResult>> GetDevice(string id, TwinReader twins)
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
