using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Guide;
using Tamkeen.Faq;
using Tamkeen.Host.Settings;

namespace Tamkeen.Host.Content;

/// <summary>
/// The guide in the content folder, reloaded when staff save guide.yaml or words.yaml. A file that cannot be read
/// is refused with its line in the log, and the guide already loaded stays in use. At start it must load.
/// </summary>
/// <remarks>
/// Changes are seen by the file system's notifications (set DOTNET_USE_POLLING_FILE_WATCHER=1 where there are none,
/// as on some network shares); reading waits a moment after the last change, as editors save in several writes.
/// </remarks>
public sealed class LiveGuide : IGuide, IDisposable
{
    private readonly string _folder;
    private readonly GuideThresholds _thresholds;
    private readonly ILogger<LiveGuide> _logger;
    private readonly PhysicalFileProvider _files;
    private readonly IDisposable _watch;
    private readonly ITimer _settle;
    private readonly Lock _reloading = new();
    private GuideSearch _current;

    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(300);

    public LiveGuide(IOptions<ContentOptions> content, IOptions<GuideOptions> options, IHostEnvironment environment,
        TimeProvider time, ILogger<LiveGuide> logger)
    {
        _folder = Path.Combine(Path.GetFullPath(content.Value.Path, environment.ContentRootPath), "guide");
        _thresholds = options.Value.Thresholds;
        _logger = logger;
        try
        {
            _current = GuideFolder.Load(_folder, _thresholds);
        }
        catch (GuideFormatException e)
        {
            throw new InvalidOperationException($"The guide in {_folder} could not be loaded: {e.Message}", e);
        }
        _logger.LogInformation("Guide loaded from {Folder}: {Count} entries", _folder, _current.Count);
        _settle = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _files = new PhysicalFileProvider(_folder);
        _watch = ChangeToken.OnChange(() => _files.Watch("*.yaml"), () => _settle.Change(SettleTime, Timeout.InfiniteTimeSpan));
    }

    public int Count => Volatile.Read(ref _current).Count;

    public IReadOnlyList<GuideEntry> Entries => Volatile.Read(ref _current).Entries;

    public GuideMatch Ask(string question, Language chatLanguage = Language.Arabic) => Volatile.Read(ref _current).Ask(question, chatLanguage);

    public GuideEntry? Find(string id) => Volatile.Read(ref _current).Find(id);

    private void Reload()
    {
        lock (_reloading)
        {
            GuideSearch next;
            try
            {
                next = GuideFolder.Load(_folder, _thresholds);
            }
            catch (GuideFormatException e)
            {
                _logger.LogError("The guide was not reloaded, the previous one stays in use: {Problem}", e.Message);
                return;
            }
            // Lookups already running keep the old index; it is left to the garbage collector rather than disposed.
            Volatile.Write(ref _current, next);
            _logger.LogInformation("Guide reloaded from {Folder}: {Count} entries", _folder, next.Count);
        }
    }

    public void Dispose()
    {
        _watch.Dispose();
        _files.Dispose();
        _settle.Dispose();
    }
}
