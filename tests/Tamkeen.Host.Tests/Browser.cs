using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;
using OpenQA.Selenium.Support.UI;

namespace Tamkeen.Host.Tests;

/// <summary>
/// Debian's headless Chromium on a phone-sized window, through Debian's chromedriver. Nothing is downloaded:
/// both paths are given, so Selenium Manager never runs.
/// </summary>
public sealed class Browser : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriverPath = "/usr/bin/chromedriver";

    /// <summary>The viewport width in CSS pixels, as on a common phone.</summary>
    public const int PhoneWidth = 390;

    private readonly string _profile;

    public ChromeDriver Driver { get; }

    /// <summary>Every wait in the browser tests is bounded by this.</summary>
    public WebDriverWait Wait { get; }

    private Browser(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
        Wait = new WebDriverWait(driver, TimeSpan.FromSeconds(15)) { PollingInterval = TimeSpan.FromMilliseconds(50) };
        Wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
    }

    public static Browser Open(Uri page)
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriverPath))
        {
            const string missing = $"The website chat tests need {Chromium} and {ChromeDriverPath}: apt-get install chromium chromium-driver";
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(missing);
            Assert.Skip(missing);
        }

        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=390,844");
        // Chrome keeps a window at least 500 px wide, so the phone's 390 px viewport comes from device emulation.
        options.EnableMobileEmulation(new ChromiumMobileEmulationDeviceSettings(
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36")
        {
            Width = PhoneWidth, Height = 844, PixelRatio = 1, EnableTouchEvents = true,
        });
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;

        var profile = Directory.CreateTempSubdirectory("tamkeen-chromium-").FullName;
        options.AddArgument($"--user-data-dir={profile}");
        options.AddUserProfilePreference("download.default_directory", Path.Combine(profile, DownloadsFolder));
        options.AddUserProfilePreference("download.prompt_for_download", false);
        Browser? browser = null;
        try
        {
            browser = new Browser(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), profile);
            browser.Driver.Navigate().GoToUrl(page);
            return browser;
        }
        catch
        {
            if (browser is null) Directory.Delete(profile, recursive: true);
            else browser.Dispose();
            throw;
        }
    }

    public object? Script(string script) => Driver.ExecuteScript(script);

    private const string DownloadsFolder = "downloads";

    /// <summary>Clicks a download link and waits for the whole file in the browser's downloads folder.</summary>
    public byte[] Download(By link, string fileName)
    {
        var file = Path.Combine(_profile, DownloadsFolder, fileName);
        Driver.FindElement(link).Click();
        // Chromium writes to a .crdownload file and renames it when done.
        Wait.Until(_ => File.Exists(file));
        return File.ReadAllBytes(file);
    }

    /// <summary>Types into the field with this id, after clearing it.</summary>
    public void Fill(string id, string text)
    {
        var field = Driver.FindElement(By.Id(id));
        field.Clear();
        field.SendKeys(text);
    }

    /// <summary>Clicks and waits for the next page to load, so a later look does not find the old one.</summary>
    public void ClickToNextPage(By button)
    {
        var page = Driver.FindElement(By.TagName("html"));
        Driver.FindElement(button).Click();
        Wait.Until(_ =>
        {
            try { return !page.Displayed; }
            // The old page is gone: chromedriver says so as a stale element, or while navigating as "node does not belong to the document".
            catch (WebDriverException) { return true; }
        });
        Wait.Until(_ => Equals(Script("return document.readyState;"), "complete"));
    }

    /// <summary>Whether the page fits the phone's width, without sideways scrolling.</summary>
    public bool FitsTheScreenWidth() => (bool)Script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;")!;

    /// <summary>Script errors the page raised (uncaught exceptions and rejected promises) and what its Content Security Policy refused.</summary>
    public IReadOnlyList<string> ScriptErrors() =>
        Driver.Manage().Logs.GetLog(LogType.Browser)
            .Where(e => e.Message.Contains("Uncaught", StringComparison.Ordinal) || e.Message.Contains("Content Security Policy", StringComparison.Ordinal))
            .Select(e => e.Message).ToList();

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        for (var attempt = 0; attempt < 20 && Directory.Exists(_profile); attempt++)
        {
            try { Directory.Delete(_profile, recursive: true); }
            catch (IOException) { Thread.Sleep(100); } // Chromium's helper processes may still be writing as they exit.
        }
    }
}
