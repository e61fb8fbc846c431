using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Text;

namespace Tamkeen.Faq;

/// <summary>
/// Lucene analysis per language. Text is first normalised as everywhere in the bot (digits, hamza forms, ة/ه, ى/ي,
/// diacritics, tatweel); then dialect words become the words the guide uses, stop words go, and words are reduced
/// to their light stem (Arabic) or Porter stem (English).
/// </summary>
internal sealed class GuideAnalyzers : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Analyzer _arabic;
    private readonly Analyzer _english;

    public GuideAnalyzers(WordList words)
    {
        var arabicStops = StopSet(ArabicAnalyzer.DefaultStopSet, words, Language.Arabic);
        var arabicSame = Synonyms(words, Language.Arabic);
        _arabic = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, source);
            stream = new ArabicNormalizationFilter(stream);
            if (arabicSame is not null) stream = new SynonymFilter(stream, arabicSame, ignoreCase: false);
            stream = new StopFilter(Version, stream, arabicStops);
            stream = new ArabicStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        });

        var englishStops = StopSet(EnglishAnalyzer.DefaultStopSet, words, Language.English);
        var englishSame = Synonyms(words, Language.English);
        _english = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(Version, source);
            stream = new LowerCaseFilter(Version, stream);
            if (englishSame is not null) stream = new SynonymFilter(stream, englishSame, ignoreCase: false);
            stream = new StopFilter(Version, stream, englishStops);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        });
    }

    public static string Field(Language language) => language == Language.English ? "en" : "ar";

    public Analyzer For(Language language) => language == Language.English ? _english : _arabic;

    /// <summary>The distinct terms of a text, in order.</summary>
    public List<string> Terms(Language language, string text)
    {
        var terms = new List<string>();
        using var stream = For(language).GetTokenStream(Field(language), ArabicText.Normalize(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (!terms.Contains(value)) terms.Add(value);
        }
        stream.End();
        return terms;
    }

    private static CharArraySet StopSet(CharArraySet defaults, WordList words, Language language)
    {
        var set = new CharArraySet(Version, defaults.Count + 16, ignoreCase: true);
        foreach (var word in defaults) set.Add(ArabicText.Normalize(word.ToString()));
        if (words.Ignore.TryGetValue(language, out var ignore)) foreach (var word in ignore) set.Add(word);
        return set;
    }

    private static SynonymMap? Synonyms(WordList words, Language language)
    {
        if (!words.Same.TryGetValue(language, out var same) || same.Count == 0) return null;
        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var (from, to) in same)
        {
            builder.Add(SynonymMap.Builder.Join(from.Split(' '), new CharsRef()), SynonymMap.Builder.Join(to.Split(' '), new CharsRef()), includeOrig: false);
        }
        return builder.Build();
    }

    public void Dispose()
    {
        _arabic.Dispose();
        _english.Dispose();
    }
}
