using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using DigitalTwin.Core.Twins.Properties;

namespace DigitalTwin.Tests.Twins;

/// <summary>JSON merge patch (RFC 7396, its appendix A examples on objects), the delta and the diff the edit dialog sends.</summary>
public sealed class DesiredStateMergePatchTests
{
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Apply_RfcExamples_Merged(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(target)!.AsObject(), JsonNode.Parse(patch)!.AsObject());
        Assert.Equal(expected, result.ToJsonString());
    }

    [Fact]
    public void Delta_NestedAndMissing_OnlyDifferingKeys()
    {
        var desired = JsonNode.Parse("""{"setpoint":21.5,"mode":{"fan":"auto","eco":true},"list":[1,2],"same":1.0}""")!.AsObject();
        var reported = JsonNode.Parse("""{"setpoint":21.5,"mode":{"fan":"auto","eco":false},"list":[2,1],"same":1.0,"extra":3}""")!.AsObject();

        Assert.Equal("""{"mode":{"eco":true},"list":[1,2]}""", JsonMergePatch.Delta(desired, reported).ToJsonString());
        Assert.Equal("{}", JsonMergePatch.Delta(desired, desired).ToJsonString());
    }

    [Fact]
    public void Diff_ThenApply_GivesTheEditedDocument()
    {
        var before = JsonNode.Parse("""{"a":1,"b":{"c":2,"d":3},"e":[1]}""")!.AsObject();
        var after = JsonNode.Parse("""{"a":1,"b":{"c":5},"f":"new"}""")!.AsObject();

        var patch = JsonMergePatch.Diff(before, after);

        Assert.Equal("""{"b":{"c":5,"d":null},"f":"new","e":null}""", patch.ToJsonString());
        Assert.True(JsonNode.DeepEquals(after, JsonMergePatch.Apply(before, patch)));
    }

    [Theory]
    [InlineData("", TwinPatchRefusal.NotJson)]
    [InlineData("42", TwinPatchRefusal.NotAnObject)]
    [InlineData("null", TwinPatchRefusal.NotAnObject)]
    [InlineData("""{"$meta":1}""", TwinPatchRefusal.ReservedKey)]
    [InlineData("""{"a":[[[[[[[[1]]]]]]]]}""", TwinPatchRefusal.TooDeep)]
    public void Parse_Refused_WithReason(string payload, TwinPatchRefusal reason)
    {
        var result = TwinPatch.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)));
        Assert.Null(result.Patch);
        Assert.Equal(reason, result.Refusal);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void Parse_EightLevels_Accepted()
    {
        var result = TwinPatch.Parse(new ReadOnlySequence<byte>("""{"a":[[[[[[[1]]]]]]]}"""u8.ToArray()));
        Assert.NotNull(result.Patch);
    }
}
