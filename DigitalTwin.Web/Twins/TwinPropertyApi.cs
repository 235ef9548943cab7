using System.Globalization;
using System.Text.Json.Nodes;
using DigitalTwin.Core.Twins.Properties;
using DigitalTwin.Web.Accounts;
using DigitalTwin.Web.Devices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.Net.Http.Headers;

namespace DigitalTwin.Web.Twins;

/// <summary>
/// /api/devices/{id}/twin: read the desired and reported documents; change the desired one with a JSON merge patch
/// (RFC 7396). The desired document's ETag is its version; If-Match makes a change conditional (412 when another
/// came first). Without If-Match (or with "*") the patch applies to the current version, as IoT Hub and AWS
/// shadows allow: a merge patch only touches the keys it names.
/// </summary>
public static class TwinPropertyApi
{
    public const string MergePatchJson = "application/merge-patch+json";

    public static RouteGroupBuilder MapTwinProperties(this RouteGroupBuilder group)
    {
        group.MapGet("/{id}/twin", GetTwin)
            .WithSummary("A device's desired and reported documents, the delta between them and their versions; ETag = the desired version");
        group.MapPatch("/{id}/twin/desired", PatchDesired).RequireAuthorization(Policies.Operate)
            .AddOpenApiOperationTransformer(DescribePatch)
            .WithSummary("Change the desired document with a JSON merge patch (null removes a key); If-Match: \"{version}\" makes it conditional. "
                + "The app publishes the new document retained to devices/{id}/desired.");
        return group;
    }

    private static async Task<Results<Ok<TwinPropertiesResponse>, ProblemHttpResult>> GetTwin(
        string id, TwinPropertyStore store, HttpContext context, CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        if (await store.GetAsync(id, cancellationToken) is not { } documents)
        {
            return ApiProblems.UnregisteredDevice(id);
        }
        return Answer(context, documents);
    }

    private static async Task<Results<Ok<TwinPropertiesResponse>, ProblemHttpResult>> PatchDesired(
        string id, HttpRequest request, TwinPropertyStore store, CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        if (!IsJson(request.ContentType))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: $"Send the merge patch as {MergePatchJson} (or application/json), not '{request.ContentType ?? "none"}'.");
        }
        if (!TryParseIfMatch(request.Headers.IfMatch.ToString(), out var expected))
        {
            return ApiProblems.Invalid("Invalid If-Match", "If-Match",
                $"If-Match must be one ETag of GET /api/devices/{id}/twin, e.g. \"3\", or *; not '{request.Headers.IfMatch}'.");
        }
        var read = await request.BodyReader.ReadAtLeastAsync(TwinPatch.MaxBytes + 1, cancellationToken);
        TwinPatchResult parsed;
        try
        {
            parsed = TwinPatch.Parse(read.Buffer);
        }
        finally
        {
            request.BodyReader.AdvanceTo(read.Buffer.End);
        }
        if (parsed.Patch is null)
        {
            return parsed.Refusal == TwinPatchRefusal.TooLarge
                ? TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Patch too large", detail: parsed.Error)
                : ApiProblems.Invalid("Invalid patch", "body", parsed.Error!);
        }
        var result = await store.PatchDesiredAsync(id, parsed.Patch, expected, request.HttpContext.Actor(), cancellationToken);
        return result.Status switch
        {
            TwinPropertyStatus.Ok => Answer(request.HttpContext, result.Documents!),
            TwinPropertyStatus.VersionMismatch => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
                title: "Desired document changed", detail: result.Error),
            TwinPropertyStatus.Invalid => ApiProblems.Invalid("Invalid patch", "desired", result.Error!),
            _ => ApiProblems.UnregisteredDevice(id),
        };
    }

    /// <summary>The body is read raw (size limit first) and the content type checked by the handler, so a wrong one gets a precise 415.</summary>
    private static Task DescribePatch(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var patch = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = $"A JSON merge patch (RFC 7396), at most {TwinPatch.MaxBytes:N0} bytes, {TwinPatch.MaxDepth} levels deep." },
            Example = JsonNode.Parse("""{"setpoint":21.5,"mode":null}"""),
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { [MergePatchJson] = patch, ["application/json"] = patch },
        };
        return Task.CompletedTask;
    }

    private static Ok<TwinPropertiesResponse> Answer(HttpContext context, TwinDocuments documents)
    {
        context.Response.Headers.ETag = ETag(documents.DesiredVersion);
        return TypedResults.Ok(TwinPropertiesResponse.From(documents));
    }

    public static string ETag(long desiredVersion) => $"\"{desiredVersion.ToString(CultureInfo.InvariantCulture)}\"";

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals(MergePatchJson, StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Absent or "*": no condition (null). Otherwise exactly one strong ETag holding a version.</summary>
    private static bool TryParseIfMatch(string header, out long? version)
    {
        version = null;
        var value = header.Trim();
        if (value.Length == 0 || value == "*")
        {
            return true;
        }
        if (value.Length > 2 && value[0] == '"' && value[^1] == '"'
            && long.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }
        return false;
    }
}
