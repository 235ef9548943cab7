using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DigitalTwin.Web.Telemetry;

/// <summary>Documents the telemetry body, which the handler reads raw to share the MQTT parser.</summary>
internal static class TelemetryOpenApi
{
    public static Task DescribeBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var reading = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Numeric metrics by name; optional 'ts' (ISO-8601 or Unix ms) is the device time.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Number },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema { OneOf = [reading, new OpenApiSchema { Type = JsonSchemaType.Array, Items = reading }] },
                    Example = JsonNode.Parse("""{"ts":"2024-05-01T09:00:00Z","temperature":21.4,"humidity":40.2}"""),
                },
            },
        };
        return Task.CompletedTask;
    }
}
