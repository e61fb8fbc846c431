using Tamkeen.Core.Text;

namespace Tamkeen.Core.Requests;

/// <summary>A city or governorate of the Qassim region; <see cref="Code"/> is what gets stored.</summary>
public sealed record QassimCity(string Code, string Arabic, string English);

/// <summary>The Qassim cities the bot offers, in the order of its numbered list, and the spellings people type for them.</summary>
public static class QassimCities
{
    // The article is written glued (الرس, Alrass) or apart (Al Rass, Ar-Rass), so it is dropped from both sides,
    // and the spaces too, so that "Uyun Aljiwa" and "Uyun Al Jiwa" are the same key.
    // Declared first: the spelling table below is built from it during static initialisation.
    private static readonly string[] Articles = ["ال", "al ", "el ", "ar ", "an ", "as ", "ash ", "al"];

    private static readonly (QassimCity City, string[] Spellings)[] Entries =
    [
        (new("buraydah", "بريدة", "Buraydah"), ["Buraidah", "Buraida", "Burayda", "Buraydh", "Bureidah", "Braidah"]),
        (new("unaizah", "عنيزة", "Unaizah"), ["Unayzah", "Unaiza", "Unayza", "Onaizah", "Onaiza", "Onayzah", "Anaizah", "Anaiza"]),
        (new("rass", "الرس", "Ar Rass"), ["Ras", "Arrass"]),
        (new("mithnab", "المذنب", "Al Mithnab"), ["المدنب", "Midhnab", "Methnab", "Muthnab", "Mudhnib"]),
        (new("bukayriyah", "البكيرية", "Al Bukayriyah"), ["Bukairiyah", "Bukairiya", "Bukayriya", "Bukeiriyah", "Bukiriyah"]),
        (new("badayea", "البدائع", "Al Badayea"), ["Badaie", "Badaya", "Badayeh", "Badaea", "Badai", "Bada'i"]),
        (new("riyadh_al_khabra", "رياض الخبراء", "Riyadh Al Khabra"), ["رياض الخبرا", "Riyad Al Khabra", "Riyadh Al Khabraa", "Riyadh Khabra"]),
        (new("uyun_al_jiwa", "عيون الجواء", "Uyun Al Jiwa"), ["عيون الجوا", "Uyun Al Jawa", "Oyoon Al Jiwa", "Oyun Al Jiwa", "Uyoon Al Jiwa", "Ayoun Al Jiwa"]),
        (new("asyah", "الأسياح", "Al Asyah"), ["Asiyah", "Asiah", "Asyeh"]),
        (new("shimasiyah", "الشماسية", "Ash Shimasiyah"), ["Shimasiya", "Shamasiyah", "Shammasiyah", "Ashshimasiyah"]),
        (new("nabhaniyah", "النبهانية", "An Nabhaniyah"), ["Nabhaniya", "Nebhaniyah", "Annabhaniyah"]),
        (new("dariyah", "ضرية", "Dariyah"), ["Dhariyah", "Dariya", "Dhariya", "Dariyyah"]),
        (new("uqlat_as_suqur", "عقلة الصقور", "Uqlat As Suqur"), ["Uqlat Al Suqur", "Uqlat Al Suqoor", "Uqlat As Suqoor", "Oqlat Al Suqur", "Uglat Asugour"]),
    ];

    /// <summary>Not one of the listed cities; offered as the last choice, after <see cref="All"/>.</summary>
    public static QassimCity Other { get; } = new("other", "أخرى", "Other");

    private static readonly string[] OtherSpellings = ["غير ذلك", "غيرها", "مدينة أخرى", "Others", "Something else"];

    public static IReadOnlyList<QassimCity> All { get; } = Entries.Select(e => e.City).ToArray();

    private static readonly Dictionary<string, QassimCity> BySpelling = BuildSpellings();

    /// <summary>Cities of other regions that people name, so they are told the association serves Qassim.</summary>
    private static readonly HashSet<string> Elsewhere = new[]
    {
        "الرياض", "جدة", "جده", "مكة", "مكه", "مكة المكرمة", "المدينة", "المدينة المنورة", "الدمام", "الخبر", "الظهران", "الأحساء", "الاحساء",
        "الهفوف", "القطيف", "الجبيل", "الطائف", "تبوك", "أبها", "ابها", "خميس مشيط", "حائل", "جازان", "جيزان", "نجران", "الباحة", "عرعر",
        "سكاكا", "الجوف", "ينبع", "حفر الباطن", "الخرج", "المجمعة", "الزلفي", "شقراء", "الدوادمي", "عفيف", "وادي الدواسر", "بيشة", "القريات",
        "Riyadh", "Jeddah", "Jiddah", "Makkah", "Mecca", "Madinah", "Medina", "Dammam", "Khobar", "Al Khobar", "Dhahran", "Al Ahsa", "Hofuf",
        "Qatif", "Jubail", "Taif", "Tabuk", "Abha", "Khamis Mushait", "Hail", "Jazan", "Jizan", "Najran", "Al Baha", "Arar", "Sakaka", "Al Jouf",
        "Yanbu", "Hafar Al Batin", "Al Kharj", "Majmaah", "Zulfi",
    }.Select(c => Key(ArabicText.Normalize(c))).ToHashSet(StringComparer.Ordinal);

    public static QassimCity? Find(string code) =>
        code == Other.Code ? Other : All.FirstOrDefault(c => c.Code == code);

    /// <summary>The city meant by a typed name in Arabic or English, or by its number in the list (the one after the last is <see cref="Other"/>).</summary>
    public static QassimCity? Match(string input)
    {
        var normalized = ArabicText.Normalize(input);
        if (ArabicText.AsNumber(normalized) is { } number)
            return number >= 1 && number <= All.Count ? All[number - 1] : number == All.Count + 1 ? Other : null;
        return BySpelling.GetValueOrDefault(Key(normalized));
    }

    /// <summary>A Saudi city outside the Qassim region, typed by name.</summary>
    public static bool IsElsewhere(string input) => Elsewhere.Contains(Key(ArabicText.Normalize(input)));

    private static Dictionary<string, QassimCity> BuildSpellings()
    {
        var spellings = new Dictionary<string, QassimCity>();
        var named = Entries.Append((City: Other, Spellings: OtherSpellings));
        foreach (var (city, extra) in named)
        {
            foreach (var spelling in extra.Append(city.Arabic).Append(city.English))
            {
                var key = Key(ArabicText.Normalize(spelling));
                if (spellings.TryGetValue(key, out var existing) && existing != city)
                    throw new InvalidOperationException($"The spelling '{spelling}' would match both {existing.Code} and {city.Code}.");
                spellings[key] = city;
            }
        }
        return spellings;
    }

    private static string Key(string normalized)
    {
        foreach (var article in Articles)
        {
            if (normalized.Length >= article.Length + 2 && normalized.StartsWith(article, StringComparison.Ordinal))
            {
                normalized = normalized[article.Length..];
                break;
            }
        }
        return normalized.Replace(" ", "", StringComparison.Ordinal);
    }
}
