using System.Text;

namespace DigitalTwin.Core.Power.Import;

/// <summary>A file's text and the encoding it was decoded with.</summary>
internal sealed record DecodedText(string Text, string EncodingName);

/// <summary>
/// KEPCO's own exports are CP949 (EUC-KR's Windows superset), the bigdata portal writes UTF-8 with a BOM, and
/// files re-saved by analysts are UTF-8 without one. Nobody tells us which: a strict UTF-8 decode decides,
/// because Korean CP949 text is almost never valid UTF-8, while valid UTF-8 is never meant as CP949.
/// </summary>
internal static class TextDecoder
{
    public const string Utf8 = "UTF-8";
    public const string Utf8Bom = "UTF-8 with BOM";
    public const string Cp949 = "CP949";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Korean = new(() =>
    {
        // .NET Core ships only the Unicode encodings; the code-page provider adds 949.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949);
    });

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedText(StrictUtf8.GetString(bytes[3..]), Utf8Bom);
        }
        try
        {
            return new DecodedText(StrictUtf8.GetString(bytes), Utf8);
        }
        catch (DecoderFallbackException)
        {
            return new DecodedText(Korean.Value.GetString(bytes), Cp949);
        }
    }
}
