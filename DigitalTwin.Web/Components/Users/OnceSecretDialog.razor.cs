using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DigitalTwin.Web.Components.Users;

/// <summary>A secret shown this once (a generated password, a new API token) with a copy button, and how to use it.</summary>
public sealed partial class OnceSecretDialog : ComponentBase
{
    private bool _copied;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    /// <summary>Why it must be copied now.</summary>
    [Parameter, EditorRequired]
    public required string Warning { get; set; }

    [Parameter, EditorRequired]
    public required string Secret { get; set; }

    /// <summary>What the secret is, above it ("Password for jkim").</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>How to use it, under it.</summary>
    [Parameter]
    public RenderFragment? Details { get; set; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    public static async Task ShowAsync(IDialogService dialogs, string title, string warning, string secret, string? label = null, RenderFragment? details = null)
    {
        var parameters = new DialogParameters<OnceSecretDialog>
        {
            { d => d.Warning, warning },
            { d => d.Secret, secret },
            { d => d.Label, label },
            { d => d.Details, details },
        };
        // No closing by a click beside it or Escape: the secret would be gone before it was copied.
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = false };
        var dialog = await dialogs.ShowAsync<OnceSecretDialog>(title, parameters, options);
        await dialog.Result;
    }

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", Secret);
            _copied = true;
        }
        catch (JSException)
        {
            // Clipboard refused (no secure context, or no permission): the secret stays selectable on screen.
            _copied = false;
        }
    }

    private void Close() => Dialog.Close();
}
