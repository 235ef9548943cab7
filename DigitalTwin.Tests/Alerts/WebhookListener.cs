using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DigitalTwin.Tests.Alerts;

/// <summary>
/// A real HTTP server (Kestrel on a free loopback port) that receives webhooks: it answers the first
/// <c>failFirst</c> requests with the given status (and Retry-After when asked), then 200, and keeps every body.
/// </summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private WebhookListener(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonDocument> Received { get; } = new();

    public int Requests => Volatile.Read(ref _requests);

    public string Url { get; private set; } = "";

    public static async Task<WebhookListener> StartAsync(int failFirst = 0, int failStatus = 500, int? retryAfterSeconds = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new WebhookListener(app);
        app.MapPost("/hook", async (HttpRequest request, HttpResponse response) =>
        {
            var body = await JsonDocument.ParseAsync(request.Body);
            if (Interlocked.Increment(ref listener._requests) <= failFirst)
            {
                if (retryAfterSeconds is { } seconds)
                {
                    response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                return Results.StatusCode(failStatus);
            }
            listener.Received.Enqueue(body);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        listener.Url = address.TrimEnd('/') + "/hook";
        return listener;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
