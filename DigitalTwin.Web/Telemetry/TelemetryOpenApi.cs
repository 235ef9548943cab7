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
        Security.OpenApiSecurity.RequireDeviceSecret(operation, context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Names the aggregations, and documents both answers of the history query: the generator shows only one of two
    /// 200 results, so agg=all's buckets are added as the alternative.
    /// </summary>
    public static async Task DescribeHistory(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Parameters?.FirstOrDefault(p => p.Name == "agg") is OpenApiParameter agg)
        {
            agg.Description = "avg (default), min, max or last: one value per bucket (points); all: min, avg, max, last and count per bucket "
                + "(buckets), one query for a chart's min–max band and average.";
        }
        var series = await context.GetOrCreateSchemaAsync(typeof(Core.Telemetry.HistorySeries), cancellationToken: cancellationToken);
        var buckets = await context.GetOrCreateSchemaAsync(typeof(Core.Telemetry.HistoryBuckets), cancellationToken: cancellationToken);
        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "points (agg = avg, min, max, last) or buckets (agg = all)",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchema { OneOf = [series, buckets] } },
            },
        };
    }
}
