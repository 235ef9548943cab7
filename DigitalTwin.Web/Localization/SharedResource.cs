namespace DigitalTwin.Web.Localization;

/// <summary>
/// The marker of the app's one resource pair, <c>SharedResource.resx</c> (English, the fallback) and
/// <c>SharedResource.ko.resx</c> (Korean): components take <c>IStringLocalizer&lt;SharedResource&gt;</c> (as <c>L</c>,
/// injected in _Imports.razor). Keys are <c>Area.Name</c>, e.g. <c>Nav.Overview</c>.
/// </summary>
public sealed class SharedResource;
