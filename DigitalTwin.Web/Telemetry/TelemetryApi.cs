using System.Globalization;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Web.Devices;
using DigitalTwin.Web.Twins;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

using DigitalTwin.Web.Accounts;

namespace DigitalTwin.Web.Telemetry;

public static class TelemetryApi
{
    public static RouteGroupBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/devices/{id}/telemetry").WithTags("Telemetry");
        // No Accepts<T>: it would refuse devices that send JSON without a JSON content type.
        // Devices authenticate with their own secret (DeviceBearerAuth), never as users.
        group.MapPost("/", PostTelemetry).AllowAnonymous().RequireRateLimiting(RateLimits.Telemetry)
            .AddOpenApiOperationTransformer(TelemetryOpenApi.DescribeBody)
            .WithSummary("Report telemetry over HTTP: the MQTT payload (an object of numeric metrics with optional ts, or an array of them)");
        group.MapGet("/", GetHistory).RequireAuthorization(Policies.Read)
            .AddOpenApiOperationTransformer(TelemetryOpenApi.DescribeHistory)
            .WithSummary("History of one metric, aggregated server-side into at most ~1,000 buckets; agg=all gives min, avg, max, last and count per bucket");
        group.MapGet("/export", ExportCsv).RequireAuthorization(Policies.Read)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("Every stored sample in [from, to) as CSV: a row per timestamp, a column per metric (default: the last 24 h)");
        return group;
    }

    private static async Task<Results<Accepted<TelemetryAccepted>, ProblemHttpResult>> PostTelemetry(
        string id, HttpRequest request, TelemetryIngestor ingestor, DeviceAuthenticator authenticator, IOptions<TelemetryOptions> options,
        CancellationToken cancellationToken)
    {
        if (DeviceBearerAuth.Check(request.HttpContext, id, authenticator) is { } refused)
        {
            return refused;
        }
        var limit = options.Value.MaxPayloadBytes;
        // Read one byte past the limit: enough to know a body is too large without buffering all of it.
        var read = await request.BodyReader.ReadAtLeastAsync(limit + 1, cancellationToken);
        try
        {
            var result = read.Buffer.Length > limit
                ? ingestor.Reject(IngestSource.Http, id, RejectReason.PayloadTooLarge, $"The body has more than {limit:N0} bytes; at most {limit:N0} are accepted.")
                : await ingestor.IngestAsync(IngestSource.Http, id, read.Buffer, cancellationToken);
            // 202 once the readings are in history (the twin may still be catching up): an answered post is never lost.
            await ingestor.WhenCommittedAsync(result).WaitAsync(cancellationToken);
            return result.IsAccepted
                ? TypedResults.Accepted((string?)null, new TelemetryAccepted(result.Accepted))
                : Rejected(result);
        }
        finally
        {
            request.BodyReader.AdvanceTo(read.Buffer.End);
        }
    }

    private static async Task<Results<Ok<HistorySeries>, Ok<HistoryBuckets>, ProblemHttpResult>> GetHistory(
        string id, string? metric, string? from, string? to, string? interval, string? agg,
        TwinReader twins, HistoryStore history, TimeProvider time, CancellationToken cancellationToken)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        var parsed = HistoryRequest.Parse(id, metric, from, to, interval, agg, time.GetUtcNow());
        if (parsed.Error is { } error)
        {
            return ApiProblems.BadQuery(error);
        }
        if (await twins.GetAsync(id) is null)
        {
            return ApiProblems.UnknownDevice(id);
        }
        return parsed.Query!.Aggregation == Aggregation.All
            ? TypedResults.Ok(await history.QueryBucketsAsync(parsed.Query, cancellationToken))
            : TypedResults.Ok(await history.QueryAsync(parsed.Query, cancellationToken));
    }

    private static async Task<IResult> ExportCsv(
        string id, string? from, string? to, TwinReader twins, HistoryStore history, TimeProvider time, HttpContext context)
    {
        if (ApiProblems.InvalidDeviceId(id) is { } invalid)
        {
            return invalid;
        }
        var range = HistoryRequest.ParseRange(from, to, time.GetUtcNow(), TimeSpan.FromDays(1));
        if (range.Error is { } error)
        {
            return ApiProblems.BadQuery(error);
        }
        if (await twins.GetAsync(id) is not { } twin)
        {
            return ApiProblems.UnknownDevice(id);
        }
        var metrics = twin.Metrics.Keys.Order(StringComparer.Ordinal).ToList();
        var file = $"{id}_{range.From:yyyyMMdd'T'HHmm}_{range.To:yyyyMMdd'T'HHmm}.csv";
        return Results.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, leaveOpen: true);
            await history.ExportCsvAsync(writer, id, metrics, range.From, range.To, context.RequestAborted);
        }, "text/csv; charset=utf-8", file);
    }

    private static ProblemHttpResult Rejected(IngestResult result)
    {
        var status = result.Reason == RejectReason.PayloadTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
        return TypedResults.Problem(statusCode: status, title: "Telemetry refused", detail: result.Detail,
            extensions: new Dictionary<string, object?> { ["reason"] = result.Reason!.Value.ToString() });
    }
}

public sealed record TelemetryAccepted(int Readings);

/// <summary>Validates the query string of a history request into a <see cref="HistoryQuery"/>.</summary>
internal static class HistoryRequest
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    public static (HistoryQuery? Query, string? Error) Parse(
        string id, string? metric, string? from, string? to, string? interval, string? agg, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(metric) || !MetricName.IsValid(metric))
        {
            return (null, $"'metric' is required and must be a metric name ({MetricName.Rule}).");
        }
        var range = ParseRange(from, to, now, TimeSpan.FromHours(1));
        if (range.Error is { } rangeError)
        {
            return (null, rangeError);
        }
        TimeSpan? bucket = null;
        if (interval is not null)
        {
            if (!HistoryInterval.TryParse(interval, out var parsedInterval))
            {
                return (null, $"'interval' ({interval}) is not a duration such as 10s, 1m, 1h or 1d.");
            }
            bucket = parsedInterval;
        }
        // Names only: Enum.TryParse would also take "1" or "avg,max".
        var aggregation = agg is null
            ? Aggregation.Avg
            : Enum.GetValues<Aggregation>().Cast<Aggregation?>().FirstOrDefault(a => a.ToString()!.Equals(agg, StringComparison.OrdinalIgnoreCase));
        if (aggregation is null)
        {
            return (null, $"'agg' ({agg}) must be one of avg, min, max, last, all.");
        }
        return (new HistoryQuery(id, metric, range.From, range.To, bucket, aggregation.Value), null);
    }

    /// <summary>[from, to): 'to' defaults to now, 'from' to <paramref name="defaultSpan"/> before 'to'.</summary>
    public static (DateTimeOffset From, DateTimeOffset To, string? Error) ParseRange(string? from, string? to, DateTimeOffset now, TimeSpan defaultSpan)
    {
        if (!TryParseTime(to, now, out var end))
        {
            return (default, default, $"'to' ({to}) is not an ISO-8601 date and time or Unix milliseconds.");
        }
        if (!TryParseTime(from, end > DateTimeOffset.MinValue + defaultSpan ? end - defaultSpan : DateTimeOffset.MinValue, out var start))
        {
            return (default, default, $"'from' ({from}) is not an ISO-8601 date and time or Unix milliseconds.");
        }
        if (start >= end)
        {
            return (default, default, $"'from' ({start:O}) must be before 'to' ({end:O}).");
        }
        if (end - start > MaxRange)
        {
            return (default, default, $"'from' and 'to' may span at most {MaxRange.TotalDays:N0} days.");
        }
        return (start, end, null);
    }

    private static bool TryParseTime(string? text, DateTimeOffset fallback, out DateTimeOffset time)
    {
        time = fallback;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            if (ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                return false;
            }
            time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
