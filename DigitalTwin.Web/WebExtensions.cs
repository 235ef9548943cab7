using System.Text.Json.Serialization;
using DigitalTwin.Web.Problems;
using DigitalTwin.Web.Security;
using DigitalTwin.Web.Twins;
using MudBlazor;
using MudBlazor.Services;

namespace DigitalTwin.Web;

public static class WebExtensions
{
    /// <summary>Blazor with MudBlazor, the API's JSON and OpenAPI document, ProblemDetails.</summary>
    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        // A flapping rule must not bury the page: a few alert snackbars at a time (the rest wait their turn), clear of the
        // page's top-right buttons.
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.MaxDisplayedSnackbars = 4;
        });
        services.AddProblemDetails();
        // A value that does not bind throws, so the handler can say which field and what it accepts (not a bare 400).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton<BindingErrorDescriber>();
        services.AddExceptionHandler<BindingProblemHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "DigitalTwin API";
            document.Info.Description = "Device twins, telemetry ingest and history. Errors are RFC 9457 ProblemDetails.";
            return Task.CompletedTask;
        }).AddSecuritySchemes());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<TwinReader>();
        services.AddScoped<DigitalTwin.Web.Components.Alerts.AlertActions>();
        services.AddSingleton<DigitalTwin.Web.Components.Shared.PageErrors>();
        services.AddScoped<DigitalTwin.Web.Components.Shared.CircuitLink>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, DigitalTwin.Web.Components.Shared.CircuitLinkHandler>();
        return builder;
    }

    /// <summary>API calls get ProblemDetails for errors and unknown routes; pages get the error and not-found pages.</summary>
    public static WebApplication UseErrorHandling(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/Error", createScopeForErrors: true);
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        // Routing after the error handlers: a re-executed request (an unknown page → /not-found) is routed again.
        // Routed before them, it kept its empty endpoint and answered an empty 404 that browsers saved as a download.
        app.UseRouting();
        return app;
    }

    /// <summary>Addresses read by programs, not people: they get status codes and ProblemDetails, never a page or a redirect.</summary>
    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/metrics")
        || context.Request.Path.StartsWithSegments("/openapi") || context.Request.Path.StartsWithSegments("/health");
}
