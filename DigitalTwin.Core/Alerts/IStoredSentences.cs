namespace DigitalTwin.Core.Alerts;

/// <summary>
/// Says one of the app's stored English sentences (a clear reason from <see cref="AlertMessages"/>) in a language, for
/// the e-mails. The words live with the web app's resources; without them the sentence stays as stored.
/// </summary>
public interface IStoredSentences
{
    string Say(string stored, string culture);
}

/// <summary>The sentence as it was stored (English): what Core alone can say.</summary>
public sealed class StoredSentencesAsWritten : IStoredSentences
{
    public string Say(string stored, string culture) => stored;
}
