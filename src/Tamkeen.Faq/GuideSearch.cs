using System.Collections.Concurrent;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Guide;

namespace Tamkeen.Faq;

/// <summary>
/// The guide as a Lucene index in memory: one document per way of asking (and per title), BM25 ranking.
/// Ranking says which entries are nearest; the decision asks how much of the question the best entry explains
/// (its share of the question's word weight, by inverse document frequency), so a question about something the
/// guide never mentions falls back instead of getting the nearest answer.
/// </summary>
public sealed class GuideSearch : IGuide, IDisposable
{
    private const string EntryField = "entry";
    private const int Candidates = 5;
    private const int MaxSuggestions = 3;
    private const int MinFuzzyLength = 4;

    private readonly Dictionary<string, GuideEntry> _entries;
    private readonly Dictionary<(string Entry, Language Language), HashSet<string>> _termsOf = [];
    private readonly GuideAnalyzers _analyzers;
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly GuideThresholds _thresholds;

    // Past this many, questions are searched without being kept: memory stays bounded whatever is asked.
    private const int MaxRemembered = 4096;
    private const int MaxRememberedLength = 200;
    private readonly ConcurrentDictionary<(string Question, Language Language), GuideMatch> _answered = new();

    public GuideSearch(IReadOnlyList<GuideEntry> entries, WordList words, GuideThresholds thresholds)
    {
        Entries = entries;
        _entries = entries.ToDictionary(e => e.Id);
        _thresholds = thresholds;
        _analyzers = new GuideAnalyzers(words);
        var analyzer = new PerFieldAnalyzerWrapper(_analyzers.For(Language.Arabic),
            new Dictionary<string, Lucene.Net.Analysis.Analyzer> { [GuideAnalyzers.Field(Language.English)] = _analyzers.For(Language.English) });
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(GuideAnalyzers.Version, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var entry in entries)
            {
                foreach (var language in (Language[])[Language.Arabic, Language.English])
                {
                    var terms = _termsOf[(entry.Id, language)] = [];
                    foreach (var text in entry.Questions[language].Append(entry.Title[language]))
                    {
                        var field = GuideAnalyzers.Field(language);
                        writer.AddDocument(new Document
                        {
                            new StringField(EntryField, entry.Id, Field.Store.YES),
                            new TextField(field, Tamkeen.Core.Text.ArabicText.Normalize(text), Field.Store.NO),
                        });
                        terms.UnionWith(_analyzers.Terms(language, text));
                    }
                }
            }
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public int Count => _entries.Count;

    /// <summary>The entries in the guide's order.</summary>
    public IReadOnlyList<GuideEntry> Entries { get; }

    public GuideEntry? Find(string id) => _entries.GetValueOrDefault(id);

    public GuideMatch Ask(string question, Language chatLanguage = Language.Arabic)
    {
        // Families ask the same few questions in the same words: each is searched once. A match holds nothing of the
        // person but the question, and this guide never changes (an edited guide is a new search).
        if (question.Length > MaxRememberedLength) return Search(question, chatLanguage);
        if (_answered.TryGetValue((question, chatLanguage), out var known)) return known;
        var match = Search(question, chatLanguage);
        if (_answered.Count < MaxRemembered) _answered.TryAdd((question, chatLanguage), match);
        return match;
    }

    private GuideMatch Search(string question, Language chatLanguage)
    {
        var language = QuestionLanguage.Of(question, chatLanguage);
        var field = GuideAnalyzers.Field(language);
        var terms = _analyzers.Terms(language, question).Select(t => Correct(field, t)).Distinct().ToList();
        if (terms.Count == 0) return new GuideMatch(question, language, GuideDecision.Fallback, null, 0, []);

        var weights = terms.ToDictionary(t => t, t => Idf(field, t));
        var query = new BooleanQuery();
        foreach (var term in terms) query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        var ranked = _searcher.Search(query, 40).ScoreDocs
            .Select(hit => (Entry: _searcher.Doc(hit.Doc).Get(EntryField), hit.Score))
            .GroupBy(h => h.Entry, (entry, hits) => (Entry: entry, Score: hits.Max(h => h.Score)))
            .OrderByDescending(e => e.Score)
            .Take(Candidates)
            .Select(e => (Entry: _entries[e.Entry], Coverage: Coverage(_termsOf[(e.Entry, language)], weights), e.Score))
            .OrderByDescending(e => e.Coverage).ThenByDescending(e => e.Score)
            .ToList();
        if (ranked.Count == 0) return new GuideMatch(question, language, GuideDecision.Fallback, null, 0, []);

        var best = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1].Coverage : 0;
        var decision =
            best.Coverage >= _thresholds.Answer && best.Coverage - runnerUp >= _thresholds.Margin ? GuideDecision.Answer
            : best.Coverage >= _thresholds.Suggest ? GuideDecision.Suggest
            : GuideDecision.Fallback;
        var suggestions = decision == GuideDecision.Suggest
            ? ranked.Where(e => e.Coverage >= _thresholds.Suggest).Take(MaxSuggestions).Select(e => e.Entry).ToList()
            : [];
        return new GuideMatch(question, language, decision, best.Entry, Math.Round(best.Coverage, 3), suggestions);
    }

    /// <summary>A word the guide never uses, one letter away from one it does, is read as that word (a typo).</summary>
    private string Correct(string field, string term)
    {
        if (term.Length < MinFuzzyLength || _reader.DocFreq(new Term(field, term)) > 0) return term;
        var expanded = new FuzzyQuery(new Term(field, term), maxEdits: 1).Rewrite(_reader);
        var candidates = new HashSet<Term>();
        expanded.ExtractTerms(candidates);
        return candidates.OrderByDescending(_reader.DocFreq).Select(t => t.Text).FirstOrDefault() ?? term;
    }

    /// <summary>The share of the question's word weight that this entry's ways of asking contain.</summary>
    private static double Coverage(HashSet<string> entryTerms, Dictionary<string, double> weights)
    {
        var total = weights.Values.Sum();
        return total == 0 ? 0 : weights.Where(w => entryTerms.Contains(w.Key)).Sum(w => w.Value) / total;
    }

    private double Idf(string field, string term)
    {
        double documents = _reader.GetDocCount(field);
        double frequency = _reader.DocFreq(new Term(field, term));
        return Math.Log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzers.Dispose();
    }
}
