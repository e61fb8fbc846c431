using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Guide;

public static class QuestionLanguage
{
    /// <summary>Arabic when the text has more Arabic letters than Latin ones; English when it has only Latin ones.</summary>
    public static Language? Detect(string text)
    {
        int arabic = 0, latin = 0;
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch)) continue;
            if (ch is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F') arabic++;
            else if (char.IsAsciiLetter(ch)) latin++;
        }
        if (arabic == 0 && latin == 0) return null;
        return arabic >= latin ? Language.Arabic : Language.English;
    }
}
