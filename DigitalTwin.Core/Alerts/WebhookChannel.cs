using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Alerts;

/// <summary>
/// POSTs the <see cref="AlertDocument"/> as JSON to each configured URL (Alerts:Webhooks). Field names, codes and
/// <c>subject</c> stay English for programs; <c>text</c> is the same line in Alerts:NotificationCulture.
/// </summary>
public sealed class WebhookChannel(IOptions<AlertOptions> options) : IAlertChannel, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = options.Value.WebhookTimeout,
    };

    public NotificationChannel Channel => NotificationChannel.Webhook;

    public IReadOnlyList<string> Targets { get; } = options.Value.Webhooks;

    public async Task<DeliveryOutcome> SendAsync(AlertNotification notification, string target, CancellationToken cancellationToken)
    {
        var document = AlertDocument.From(notification, options.Value.PublicBaseUrl, NotificationText.For(options.Value.NotificationCulture));
        using var response = await _http.PostAsJsonAsync(target, document, Json, cancellationToken);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new DeliveryOutcome(true, status);
        }
        // 4xx other than 408/429 will not get better by trying again.
        var retryable = status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
        return new DeliveryOutcome(false, status, $"HTTP {status} {response.ReasonPhrase}", RetryAfter(response), retryable);
    }

    public void Dispose() => _http.Dispose();

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
