using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Guide;

public static class QuestionLanguage
{
    /// <summary>
    /// The language a message is clearly written in, or null: Arabic when it has more Arabic letters than Latin
    /// ones; English only for words of Latin letters (two words, or one of four letters or more) and nothing that
    /// looks like markup or code, so that "&lt;img src=x&gt;" or a bare "ok" in an Arabic chat stays Arabic.
    /// </summary>
    public static Language? Clearly(string text)
    {
        int arabic = 0, latin = 0;
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch)) continue;
            if (ch is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F') arabic++;
            else if (char.IsAsciiLetter(ch)) latin++;
        }
        if (arabic > 0 && arabic >= latin) return Language.Arabic;
        if (latin == 0 || text.IndexOfAny(['<', '>', '=', '{', '}', '/', '\\']) >= 0) return null;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Count(char.IsAsciiLetter) >= 2);
        return words >= 2 || text.Count(char.IsAsciiLetter) >= 4 ? Language.English : null;
    }

    /// <summary>The question's language when it is clear, otherwise the chat's.</summary>
    public static Language Of(string text, Language chatLanguage) => Clearly(text) ?? chatLanguage;
}
