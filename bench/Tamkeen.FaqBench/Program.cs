// One guide lookup on the full shipped guide (analysis, typo correction, BM25 search, coverage, decision):
//   dotnet run -c Release --project bench/Tamkeen.FaqBench
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Tamkeen.Faq;
using Tamkeen.FaqBench;

BenchmarkRunner.Run<GuideLookup>(args: args);

namespace Tamkeen.FaqBench
{

    [MemoryDiagnoser]
    public class GuideLookup
    {
        private GuideSearch _guide = null!;

        [Params(
            "وش الاوراق المطلوبه للتسجيل في الجمعيه",   // colloquial, no hamza, ه for ة
            "هل تساعدون في دفع الايحار",                // one-letter typo
            "What documents do I need to register?",
            "كم سعر الذهب اليوم")]                       // out of scope
        public string Question { get; set; } = "";

        [GlobalSetup]
        public void Load() => _guide = GuideFolder.Load(Path.Combine(AppContext.BaseDirectory, "content", "guide"), new GuideThresholds());

        [GlobalCleanup]
        public void Unload() => _guide.Dispose();

        [Benchmark]
        public object Ask() => _guide.Ask(Question);
    }
}
