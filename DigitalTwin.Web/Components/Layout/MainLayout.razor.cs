using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace DigitalTwin.Web.Components.Layout;

/// <summary>
/// The shell: app bar, responsive navigation drawer and the theme. Dark mode follows the system
/// until the user picks one with the toggle; the pick is kept in the browser's localStorage.
/// </summary>
public partial class MainLayout : LayoutComponentBase, IAsyncDisposable
{
    private const string ModulePath = "./Components/Layout/MainLayout.razor.js";

    private MudThemeProvider _themeProvider = null!;
    private IJSObjectReference? _module;
    private bool _isDarkMode;
    private bool _followSystem = true;
    private bool _drawerOpen = true;

    [Inject]
    public required IJSRuntime JS { get; init; }

    private string ThemeToggleLabel => _isDarkMode ? L["AppBar.SwitchToLight"] : L["AppBar.SwitchToDark"];

    private string ThemeToggleIcon => _isDarkMode ? Icons.Material.Filled.LightMode : Icons.Material.Filled.DarkMode;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            var stored = _module is null ? null : await _module.InvokeAsync<string?>("getThemePreference");
            _followSystem = stored is not ("dark" or "light");
            _isDarkMode = _followSystem ? await _themeProvider.GetSystemDarkModeAsync() : stored == "dark";
            StateHasChanged();
        }
        catch (JSDisconnectedException)
        {
            // The page was closed while it loaded.
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleThemeAsync()
    {
        _isDarkMode = !_isDarkMode;
        _followSystem = false;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setThemePreference", _isDarkMode ? "dark" : "light");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // Nothing to release in a browser that is gone.
        }

        GC.SuppressFinalize(this);
    }
}
