using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Alerts;

/// <summary>Refuses a bad webhook URL or an incomplete SMTP setting at start, naming the key.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var errors = new List<string>();
        if (!IsHttpUrl(options.PublicBaseUrl))
        {
            errors.Add($"Alerts:PublicBaseUrl '{options.PublicBaseUrl}' is not an absolute http(s) URL.");
        }
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            if (!IsHttpUrl(options.Webhooks[i]))
            {
                errors.Add($"Alerts:Webhooks:{i} '{options.Webhooks[i]}' is not an absolute http(s) URL.");
            }
        }
        if (options.MaxAttempts is < 1 or > 20)
        {
            errors.Add("Alerts:MaxAttempts must be 1–20.");
        }
        if (options.RetryBaseDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay || options.WebhookTimeout <= TimeSpan.Zero)
        {
            errors.Add("Alerts:RetryBaseDelay and Alerts:WebhookTimeout must be positive, Alerts:RetryMaxDelay at least Alerts:RetryBaseDelay.");
        }
        if (options.TickInterval <= TimeSpan.Zero || options.TickInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add("Alerts:TickInterval must be positive and at most a minute.");
        }
        if (options.WriteQueueCapacity < 1 || options.NotificationQueueCapacity < 1 || options.MaxConcurrentDeliveries < 1)
        {
            errors.Add("Alerts:WriteQueueCapacity, Alerts:NotificationQueueCapacity and Alerts:MaxConcurrentDeliveries must be positive.");
        }
        if (NotificationText.For(options.NotificationCulture) is null)
        {
            errors.Add($"Alerts:NotificationCulture '{options.NotificationCulture}' is not offered; use one of: {string.Join(", ", NotificationText.All.Select(t => t.Culture))}.");
        }
        ValidateEmail(options.Email, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateEmail(AlertEmailOptions email, List<string> errors)
    {
        if (!email.Enabled)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(email.Host))
        {
            errors.Add("Alerts:Email:Host is required when Alerts:Email:Enabled is true.");
        }
        if (email.Port is < 1 or > 65535)
        {
            errors.Add("Alerts:Email:Port must be 1–65535.");
        }
        if (!IsAddress(email.From))
        {
            errors.Add($"Alerts:Email:From '{email.From}' is not an e-mail address.");
        }
        if (email.To.Count == 0 || email.To.Any(to => !IsAddress(to)))
        {
            errors.Add("Alerts:Email:To must list at least one e-mail address, and only addresses.");
        }
        if (!string.IsNullOrEmpty(email.Username) && email.Password is null)
        {
            errors.Add("Alerts:Email:Password is required when Alerts:Email:Username is set.");
        }
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsAddress(string? address) => MailAddress.TryCreate(address, out _);
}
