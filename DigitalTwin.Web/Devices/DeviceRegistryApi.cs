using DigitalTwin.Core.Devices;
using Microsoft.AspNetCore.Http.HttpResults;

using DigitalTwin.Web.Accounts;

namespace DigitalTwin.Web.Devices;

/// <summary>Registry management on /api/devices: create, edit, delete, rotate the secret, revoke.</summary>
public static class DeviceRegistryApi
{
    public static RouteGroupBuilder MapDeviceRegistry(this RouteGroupBuilder group)
    {
        group.MapPost("/", CreateDevice).RequireAuthorization(Policies.Operate).WithSummary("Register a device; the answer holds its secret, shown this once");
        group.MapGet("/{id}/registration", GetRegistration).WithSummary("A device's registration: name, kind, location, tags, metadata, status");
        group.MapPut("/{id}", UpdateDevice).RequireAuthorization(Policies.Operate).WithSummary("Edit a device's name, kind, location, tags, metadata, offline timeout");
        group.MapDelete("/{id}", DeleteDevice).RequireAuthorization(Policies.Admin).WithSummary("Delete a device and its history");
        group.MapPost("/{id}/secret", RotateSecret).RequireAuthorization(Policies.Operate).WithSummary("Issue a new secret (shown this once); the old one stops working");
        group.MapPost("/{id}/revoke", RevokeDevice).RequireAuthorization(Policies.Operate).WithSummary("Refuse the device's connections and telemetry from now on");
        return group;
    }

    private static async Task<Results<Created<DeviceWithSecret>, ProblemHttpResult, ValidationProblem>> CreateDevice(
        DeviceDraft draft, DeviceRegistry registry, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await registry.CreateAsync(draft, context.Actor(), cancellationToken);
        return result.Status switch
        {
            RegistryStatus.Ok => TypedResults.Created($"/api/devices/{result.Device!.Id}", new DeviceWithSecret(DeviceResponse.From(result.Device), result.Secret!)),
            RegistryStatus.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Device exists",
                detail: $"A device '{draft.Id}' is already registered; edit it with PUT or rotate its secret."),
            _ => Invalid(result),
        };
    }

    private static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> GetRegistration(
        string id, DeviceRegistry registry, CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        return await registry.GetAsync(id, cancellationToken) is { } device
            ? TypedResults.Ok(DeviceResponse.From(device))
            : ApiProblems.UnregisteredDevice(id);
    }

    private static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult, ValidationProblem>> UpdateDevice(
        string id, DeviceDraft draft, DeviceRegistry registry, HttpContext context, CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        var result = await registry.UpdateAsync(id, draft, context.Actor(), cancellationToken);
        return result.Status switch
        {
            RegistryStatus.Ok => TypedResults.Ok(DeviceResponse.From(result.Device!)),
            RegistryStatus.NotFound => ApiProblems.UnregisteredDevice(id),
            _ => Invalid(result),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteDevice(
        string id, DeviceRegistry registry, HttpContext context, CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        return await registry.DeleteAsync(id, context.Actor(), cancellationToken) == RegistryStatus.Ok
            ? TypedResults.NoContent()
            : ApiProblems.UnregisteredDevice(id);
    }

    private static async Task<Results<Ok<DeviceWithSecret>, ProblemHttpResult>> RotateSecret(
        string id, DeviceRegistry registry, HttpContext context, CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        var result = await registry.RotateSecretAsync(id, context.Actor(), cancellationToken);
        return result.Status == RegistryStatus.Ok
            ? TypedResults.Ok(new DeviceWithSecret(DeviceResponse.From(result.Device!), result.Secret!))
            : ApiProblems.UnregisteredDevice(id);
    }

    private static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> RevokeDevice(
        string id, DeviceRegistry registry, HttpContext context, CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        var result = await registry.RevokeAsync(id, context.Actor(), cancellationToken);
        return result.Status == RegistryStatus.Ok
            ? TypedResults.Ok(DeviceResponse.From(result.Device!))
            : ApiProblems.UnregisteredDevice(id);
    }

    /// <remarks>A ValidationProblem: a 400 ProblemDetails whose "errors" name each invalid field.</remarks>
    private static ValidationProblem Invalid(RegistryResult result) =>
        TypedResults.ValidationProblem(result.Errors!, title: "Invalid device", detail: $"Invalid field(s): {string.Join(", ", result.Errors!.Keys)}.");
}
