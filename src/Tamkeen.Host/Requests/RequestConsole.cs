using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Text;
using Tamkeen.Host.Content;
using Tamkeen.Host.Data;
using Tamkeen.Host.Messaging;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Requests;

/// <summary>The filters of the console's request list; every one optional.</summary>
public sealed record RequestFilter(RequestStatus? Status = null, string? Service = null, string? City = null, bool Overdue = false,
    bool InformationArrived = false, string? Search = null);

/// <summary>A line of the console's request list. Phone and ID are masked: the list never shows them whole.</summary>
public sealed record RequestLine(string Reference, string Service, RequestStatus Status, string StatusText, string? Name, string Channels,
    string? MaskedPhone, string? MaskedNationalId, DateTimeOffset SubmittedAt, DateTimeOffset DueAt, bool Overdue, bool InformationArrived);

public sealed record RequestAnswer(RequestField Field, string Label, string Value, bool Personal, string? Masked);

/// <summary>A photo or document of a request, numbered as the attachment address numbers it.</summary>
public sealed record RequestFile(int Index, Attachment Attachment, DateTimeOffset At);

public sealed record RequestEvent(RequestStatus? Status, string? StatusText, string? Note, string? Message, string By, DateTimeOffset At, IReadOnlyList<RequestFile> Files);

public sealed record RequestView(string Reference, string ServiceId, string Service, RequestStatus Status, string StatusText, string? City, string Channels,
    IReadOnlyList<RequestAnswer> Answers, IReadOnlyList<RequestFile> Files, IReadOnlyList<RequestEvent> History,
    DateTimeOffset SubmittedAt, DateTimeOffset DueAt, DateTimeOffset? OverdueSince, DateTimeOffset? InformationReceivedAt);

/// <summary>What the staff console reads about requests, with the names staff read: services, statuses, fields and cities in the console's language.</summary>
public sealed class RequestConsole(IDbContextFactory<TamkeenDb> dbFactory, BotContent content)
{
    public IReadOnlyList<ServiceDefinition> Services => content.Services.Services;

    public string StatusText(RequestStatus status) => content.Texts[ConsoleLanguage.Current, Enum.Parse<TextKey>($"Status{status}")];

    public string ServiceName(string id) => content.Services.Find(id)?.Title[ConsoleLanguage.Current] ?? id;

    public string FieldLabel(RequestField field) => content.Texts[ConsoleLanguage.Current, Enum.Parse<TextKey>($"RequestLabel{field}")];

    public static string CityName(string? code) => code is null ? "" : QassimCities.Find(code) is { } city ? ConsoleLanguage.Say(city.Arabic, city.English) : code;

    public static string ChannelName(Channel channel) => channel switch
    {
        Channel.WebChat => ConsoleLanguage.Say("الموقع", "Website"),
        Channel.Telegram => ConsoleLanguage.Say("تيليجرام", "Telegram"),
        Channel.WhatsApp => ConsoleLanguage.Say("واتساب", "WhatsApp"),
        _ => ConsoleLanguage.Say("رسائل SMS", "SMS"),
    };

    /// <summary>A page of the requests that match, the soonest due first.</summary>
    public async Task<ListPage<RequestLine>> ListAsync(RequestFilter filter, int? page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ServiceRequests.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(r => r.Status == status);
        if (!string.IsNullOrEmpty(filter.Service)) query = query.Where(r => r.ServiceId == filter.Service);
        if (!string.IsNullOrEmpty(filter.City)) query = query.Where(r => r.City == filter.City);
        if (filter.Overdue) query = query.Where(r => r.OverdueSince != null);
        if (filter.InformationArrived) query = query.Where(r => r.InformationReceivedAt != null);
        var ordered = query.OrderBy(r => r.DueAt).ThenBy(r => r.Id);
        ListPage<ServiceRequest> rows;
        if (Search.For(filter.Search) is { } search)
        {
            // Names and phones are inside the answers (JSON, Arabic spelled several ways), which SQL cannot match: only the
            // references and answers of the filtered requests are read to find the matches, then the page's requests.
            var candidates = await ordered.Select(r => new { r.Id, r.Reference, r.AnswersJson }).ToListAsync(ct);
            var matches = candidates.Where(c => search.Matches(c.Reference, Answers(c.AnswersJson))).Select(c => c.Id).ToList();
            var number = Paging.Within(page, matches.Count);
            var ids = matches.Skip((number - 1) * Paging.PageSize).Take(Paging.PageSize).ToList();
            rows = new ListPage<ServiceRequest>(await ordered.Where(r => ids.Contains(r.Id)).ToListAsync(ct), number, matches.Count);
        }
        else rows = await ordered.PageAsync(page, ct);
        var lines = rows.Items.Select(r => (Row: r, Answers: Answers(r.AnswersJson))).ToList();
        var people = lines.Select(l => l.Row.BeneficiaryId).Distinct().ToList();
        var channels = (await db.ChannelIdentities.AsNoTracking().Where(i => people.Contains(i.BeneficiaryId)).Select(i => new { i.BeneficiaryId, i.Channel }).ToListAsync(ct))
            .ToLookup(i => i.BeneficiaryId, i => i.Channel);
        return rows.With(lines.Select(l => new RequestLine(
            l.Row.Reference, ServiceName(l.Row.ServiceId), l.Row.Status, StatusText(l.Row.Status), l.Answers.GetValueOrDefault(RequestFields.Code(RequestField.FullName)),
            Channels(channels[l.Row.BeneficiaryId]),
            l.Answers.GetValueOrDefault(RequestFields.Code(RequestField.Mobile)) is { } phone ? FieldValidators.MaskMobile(phone) : null,
            l.Row.NationalId is { } id ? FieldValidators.MaskNationalId(id) : null,
            l.Row.SubmittedAt, l.Row.DueAt, l.Row.OverdueSince is not null, l.Row.InformationReceivedAt is not null)).ToList());
    }

    public async Task<RequestView?> ReadAsync(string reference, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.ServiceRequests.AsNoTracking().Include(r => r.History).SingleOrDefaultAsync(r => r.Reference == reference, ct);
        if (request is null) return null;
        var channels = await db.ChannelIdentities.AsNoTracking().Where(i => i.BeneficiaryId == request.BeneficiaryId).Select(i => i.Channel).ToListAsync(ct);
        var given = Answers(request.AnswersJson);
        var fields = content.Services.Find(request.ServiceId)?.Fields.Select(f => f.Field).ToList() ?? [];
        // Fields the catalogue no longer lists for the service are still shown, after the listed ones.
        fields.AddRange(given.Keys.Select(RequestFields.FromCode).OfType<RequestField>().Where(f => !fields.Contains(f)).Order());
        var answers = fields.Where(f => given.ContainsKey(RequestFields.Code(f))).Select(f =>
        {
            var value = given[RequestFields.Code(f)];
            return f switch
            {
                RequestField.NationalId => new RequestAnswer(f, FieldLabel(f), value, true, FieldValidators.MaskNationalId(value)),
                RequestField.Mobile => new RequestAnswer(f, FieldLabel(f), value, true, FieldValidators.MaskMobile(value)),
                RequestField.City => new RequestAnswer(f, FieldLabel(f), CityName(value), false, null),
                _ => new RequestAnswer(f, FieldLabel(f), value, false, null),
            };
        }).ToList();
        var files = Files(request).ToList();
        var next = Attachments(request.AttachmentsJson).Count;
        var history = new List<RequestEvent>();
        foreach (var h in request.History.OrderBy(h => h.Id))
        {
            var own = files.Skip(next).Take(Attachments(h.AttachmentsJson).Count).ToList();
            next += own.Count;
            history.Add(new RequestEvent(h.Status, h.Status is { } s ? StatusText(s) : null, h.Note, h.MessageToBeneficiary, h.By, h.At, own));
        }
        return new RequestView(request.Reference, request.ServiceId, ServiceName(request.ServiceId), request.Status, StatusText(request.Status),
            request.City, Channels(channels), answers, files, history, request.SubmittedAt, request.DueAt, request.OverdueSince, request.InformationReceivedAt);
    }

    /// <summary>The stored file behind attachment <paramref name="index"/> of a request, or null.</summary>
    public async Task<Attachment?> FindFileAsync(string reference, int index, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.ServiceRequests.AsNoTracking().Include(r => r.History).SingleOrDefaultAsync(r => r.Reference == reference, ct);
        return request is null ? null : Files(request).FirstOrDefault(f => f.Index == index)?.Attachment;
    }

    /// <summary>The request's own files (sent while it was filled in), then those of its history, numbered from 0 in that order.</summary>
    private static IEnumerable<RequestFile> Files(ServiceRequest request)
    {
        var index = 0;
        foreach (var a in Attachments(request.AttachmentsJson)) yield return new RequestFile(index++, a, request.SubmittedAt);
        foreach (var h in request.History.OrderBy(h => h.Id))
            foreach (var a in Attachments(h.AttachmentsJson)) yield return new RequestFile(index++, a, h.At);
    }

    private static List<Attachment> Attachments(string? json) => json is null ? [] : JsonSerializer.Deserialize<List<Attachment>>(json) ?? [];

    private static Dictionary<string, string> Answers(string json) => JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private static string Channels(IEnumerable<Channel> channels) => string.Join(ConsoleLanguage.Say("، ", ", "), channels.Distinct().Order().Select(ChannelName));

    /// <summary>A reference, part of a name, or a phone in any way it is written (the bot's own reading of a mobile, any digits).</summary>
    private sealed class Search
    {
        private readonly string _text;
        private readonly string? _phone;
        private readonly string _digits;

        private Search(string text)
        {
            _text = ArabicText.Normalize(text);
            _phone = FieldValidators.Mobile(text) is { IsValid: true, Value: { } phone } ? phone : null;
            _digits = new string(ArabicText.ToAsciiDigits(text).Where(char.IsAsciiDigit).ToArray());
        }

        public static Search? For(string? text) => string.IsNullOrWhiteSpace(text) ? null : new Search(text);

        public bool Matches(string reference, Dictionary<string, string> answers)
        {
            if (ArabicText.Normalize(reference).Contains(_text, StringComparison.Ordinal)) return true;
            if (answers.GetValueOrDefault(RequestFields.Code(RequestField.FullName)) is { } name
                && ArabicText.Normalize(name).Contains(_text, StringComparison.Ordinal)) return true;
            if (answers.GetValueOrDefault(RequestFields.Code(RequestField.Mobile)) is not { } mobile) return false;
            // A whole number matches exactly; a part of one (four digits or more) matches where it appears.
            return _phone is not null ? mobile == _phone : _digits.Length >= 4 && mobile.Contains(_digits, StringComparison.Ordinal);
        }
    }
}
