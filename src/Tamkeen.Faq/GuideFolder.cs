namespace Tamkeen.Faq;

/// <summary>The guide's two files in the content folder: guide.yaml (the entries) and words.yaml (dialect and synonyms).</summary>
public static class GuideFolder
{
    public const string GuideFile = "guide.yaml";
    public const string WordsFile = "words.yaml";

    /// <exception cref="GuideFormatException">A file is missing or malformed; the message names the file and line.</exception>
    public static GuideSearch Load(string folder, GuideThresholds thresholds)
    {
        var entries = Faq.GuideFile.Parse(Read(folder, GuideFile), GuideFile);
        var words = WordList.Parse(Read(folder, WordsFile), WordsFile);
        return new GuideSearch(entries, words, thresholds);
    }

    private static string Read(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GuideFormatException($"{name}: cannot be read from {folder} ({e.Message}).");
        }
    }
}
