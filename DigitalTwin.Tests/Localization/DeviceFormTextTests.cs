using DigitalTwin.Core.Devices;

namespace DigitalTwin.Tests.Localization;

/// <summary>The device form words the registry's rules itself; in English it must still say what the API says.</summary>
public sealed class DeviceFormTextTests
{
    [Fact]
    public void EnglishRules_SameAsTheRegistrysRefusals()
    {
        using var _ = TestText.Speak("en");
        var errors = new DeviceDraft("bad id!", null, "", null, null, null, TimeSpan.FromDays(31)).Validate(requireId: true);

        Assert.Equal(errors["id"][0], TestText.Localizer["DeviceForm.Error.id"]);
        Assert.Equal(errors["kind"][0], TestText.Localizer["DeviceForm.Error.kind", DeviceDraft.MaxKindLength]);
        Assert.StartsWith("'offlineAfter' must be a positive duration of at most 30 days", errors["offlineAfter"][0], StringComparison.Ordinal);
    }
}
