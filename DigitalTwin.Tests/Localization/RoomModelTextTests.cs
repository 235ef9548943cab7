using DigitalTwin.Core.Twins.Model;
using DigitalTwin.Web.Components.Twins;

namespace DigitalTwin.Tests.Localization;

/// <summary>The room model card in both languages: every parameter and sentence Core can produce has its words.</summary>
public sealed class RoomModelTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<bool> Thermostats => new() { true, false };

    [Theory]
    [MemberData(nameof(Thermostats))]
    public void Parameters_English_ReadAsTheApiSaysThem(bool inferred)
    {
        using var english = TestText.Speak("en");
        foreach (var parameter in ModelExplanation.Parameters(HeatedRoom(inferred)).Concat(ModelExplanation.Parameters(ProfileOnly())))
        {
            Assert.Equal(parameter.Name, RoomModelText.Name(parameter, TestText.Localizer));
            Assert.Equal(parameter.Explanation, RoomModelText.Meaning(parameter, TestText.Localizer));
            Assert.Equal($"{parameter.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} {parameter.Unit}".Trim(),
                RoomModelText.Value(parameter, TestText.Localizer));
        }
        Assert.Equal(ModelExplanation.Summary(HeatedRoom(inferred)), RoomModelText.Summary(HeatedRoom(inferred), TestText.Localizer));
        Assert.Equal(ModelExplanation.Summary(ProfileOnly()), RoomModelText.Summary(ProfileOnly(), TestText.Localizer));
        Assert.Equal("RC room model", RoomModelText.Kind(HeatedRoom(inferred), TestText.Localizer));
        Assert.Equal("Daily profile", RoomModelText.Kind(ProfileOnly(), TestText.Localizer));
    }

    [Theory]
    [MemberData(nameof(Thermostats))]
    public void Parameters_Korean_InHangulWithTheirFacts(bool inferred)
    {
        using var korean = TestText.Speak("ko");
        var heated = ModelExplanation.Parameters(HeatedRoom(inferred));
        foreach (var parameter in heated.Concat(ModelExplanation.Parameters(ProfileOnly())))
        {
            Assert.Matches("[\uAC00-\uD7A3]", RoomModelText.Name(parameter, TestText.Localizer) + RoomModelText.Meaning(parameter, TestText.Localizer));
            Assert.NotEqual(parameter.Explanation, RoomModelText.Meaning(parameter, TestText.Localizer));
        }
        Assert.Contains("12분", RoomModelText.Meaning(heated.Single(p => p.Key == "tau"), TestText.Localizer), StringComparison.Ordinal);
        Assert.Contains("3.0 K", RoomModelText.Meaning(heated.Single(p => p.Key == "heater-gain"), TestText.Localizer), StringComparison.Ordinal);
        Assert.EndsWith(" 분", RoomModelText.Value(heated.Single(p => p.Key == "tau"), TestText.Localizer), StringComparison.Ordinal);
        Assert.EndsWith(" K/시간", RoomModelText.Value(heated.Single(p => p.Key == "heater-gain"), TestText.Localizer), StringComparison.Ordinal);
        Assert.EndsWith(" 단계당", RoomModelText.Value(ModelExplanation.Parameters(ProfileOnly()).Single(p => p.Key == "persistence"), TestText.Localizer), StringComparison.Ordinal);
        Assert.Matches("[\uAC00-\uD7A3]", RoomModelText.Summary(HeatedRoom(inferred), TestText.Localizer));
        Assert.Equal("RC 실내 모델", RoomModelText.Kind(HeatedRoom(inferred), TestText.Localizer));
        Assert.Equal("일일 패턴", RoomModelText.Kind(ProfileOnly(), TestText.Localizer));
    }

    [Fact]
    public void EverySentence_HasAKoreanAndAnEnglishText()
    {
        foreach (var culture in new[] { "en", "ko" })
        {
            using var speaking = TestText.Speak(culture);
            foreach (var meaning in ModelExplanation.Meanings)
            {
                Assert.False(TestText.Localizer[$"Room.Means.{meaning}"].ResourceNotFound, $"Room.Means.{meaning} in {culture}");
            }
        }
    }

    /// <summary>τ 12 min on 5 s steps, a heater lifting the room 3 K; the thermostat read off the history or assumed.</summary>
    private static RoomModelFit HeatedRoom(bool inferred)
    {
        var step = TimeSpan.FromSeconds(5);
        var a = Math.Exp(-step.TotalSeconds / TimeSpan.FromMinutes(12).TotalSeconds);
        var room = new RoomParameters(step, a, 3.0 * (1 - a), 0.5 * (1 - a), TimeSpan.FromMinutes(12), true, 0.05, 0.04, 0.02, 500);
        var thermostat = new Thermostat(21.5, inferred ? 0.3 : Thermostat.AssumedBand, inferred);
        return new RoomModelFit("room-1", "temperature", "room-rc", step, Now.AddHours(-1), Now, 500, room, thermostat, null, null);
    }

    private static RoomModelFit ProfileOnly() =>
        new("room-2", "temperature", "daily-profile", TimeSpan.FromMinutes(5), Now.AddDays(-2), Now, 576, null, null,
            new DailyProfileSummary(21.0, 1.5, 0.9, 0.2), null);
}
