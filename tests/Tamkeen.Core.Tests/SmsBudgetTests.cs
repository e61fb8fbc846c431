using Tamkeen.Core.Guide;
using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using Tamkeen.Core.Text;
using static Tamkeen.Core.Tests.Chat;

namespace Tamkeen.Core.Tests;

/// <summary>
/// Every message the bot sends by SMS, in the real flows, costs at most the default segment budget. Values the person
/// or staff type (a description, a note) are of a usual length; the bot's own wording is what is held to the budget.
/// </summary>
public class SmsBudgetTests
{
    private const string ValidId = "1012345672";

    private readonly List<(string Step, OutboundMessage Reply)> _sent = [];

    [Theory]
    [InlineData(Language.Arabic)]
    [InlineData(Language.English)]
    public void Every_reply_of_every_flow_fits_the_budget(Language language)
    {
        var chat = Start(language);
        Send(chat, "menu");
        AskQuestions(language);
        GiveFeedback(language);
        foreach (var (service, index) in Services.Services.Select((s, i) => (s, i + 1))) FillRequest(language, service, index);
        FollowUp(language);
        Commands(language);
        Keywords(language);
        AssertWithinBudget();
    }

    [Theory]
    [InlineData(Language.Arabic)]
    [InlineData(Language.English)]
    public void Every_guide_answer_fits_the_budget(Language language)
    {
        foreach (var entry in ShippedGuide.Entries)
        {
            // The answer as the engine gives it when the person picks the entry from the suggestions.
            var chat = Start(language);
            chat.Conversation.State = ConversationState.Suggestions;
            chat.Conversation.Guide = new GuideContext { EntryIds = [entry.Id], Language = language };
            Send(chat, "1", $"answer {entry.Id}");
            Assert.Equal(ConversationState.AnswerFeedback, chat.Conversation.State);
            Assert.StartsWith(entry.AnswerFor(language, Channel.Sms), chat.LastReply!.Text, StringComparison.Ordinal);
        }
        AssertWithinBudget();
    }

    [Fact]
    public void A_first_message_that_is_a_question_fits_with_the_welcome()
    {
        // The welcome, then the answer (or the suggestions) in one message: the longest first reply there is.
        foreach (var entry in ShippedGuide.Entries)
        {
            foreach (var question in entry.Questions.Values.SelectMany(q => q))
            {
                var chat = new Chat(channel: Channel.Sms);
                Send(chat, question, $"first message «{question}»");
            }
        }
        AssertWithinBudget();
    }

    [Fact]
    public void Every_text_on_its_own_fits_the_budget()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            foreach (var key in Enum.GetValues<TextKey>())
                _sent.Add(($"{language} {key}", new OutboundMessage(Texts[language, key, Channel.Sms], [])));
        }
        AssertWithinBudget();
    }

    [Fact]
    public void Sms_variants_are_shorter_and_the_other_channels_keep_the_full_wording()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            foreach (var key in Enum.GetValues<TextKey>())
                Assert.True(Texts[language, key, Channel.Sms].Length <= Texts[language, key].Length, $"{language} {key}: the SMS variant is longer");
            Assert.Equal(Texts[language, TextKey.Welcome], Texts[language, TextKey.Welcome, Channel.WhatsApp]);
        }
        Assert.NotEqual(Texts[Language.Arabic, TextKey.Welcome], Texts[Language.Arabic, TextKey.Welcome, Channel.Sms]);
    }

    [Fact]
    public void The_sms_conversation_uses_the_sms_wording()
    {
        var chat = new Chat(channel: Channel.Sms);
        Assert.Equal($"{Texts[Language.Arabic, TextKey.Welcome, Channel.Sms]}\n\n{Texts[Language.Arabic, TextKey.MenuPrompt, Channel.Sms]}", chat.Send("مرحبا"));
        Assert.Equal(Texts[Language.Arabic, TextKey.MenuAskQuestion, Channel.Sms], chat.LastReply!.Buttons[0].Label);
        var web = new Chat();
        Assert.Equal($"{Ar(TextKey.Welcome)}\n\n{Ar(TextKey.MenuPrompt)}", web.Send("مرحبا"));
    }

    private Chat Start(Language language, StoredRequests? requests = null)
    {
        var chat = new Chat(requests: requests, channel: Channel.Sms);
        Send(chat, language == Language.Arabic ? "مرحبا" : "hello", "welcome");
        if (language == Language.English) Send(chat, "English", "switch to English");
        return chat;
    }

    private void Send(Chat chat, string text, string? step = null, params Attachment[] attachments)
    {
        chat.Send(text, null, attachments);
        if (chat.LastReply is { } reply) _sent.Add(($"{step ?? text} (then {chat.Conversation.State})", reply));
    }

    private void AskQuestions(Language language)
    {
        var chat = Start(language);
        Send(chat, "1");
        Send(chat, "7", "a number for a question");
        var hours = language == Language.Arabic ? "ما أوقات الدوام؟" : "What are your working hours?";
        Send(chat, hours);
        Assert.Equal(ConversationState.AnswerFeedback, chat.Conversation.State);
        Send(chat, "9", "not one of the choices");
        Send(chat, "3", "a person, after an answer");
        Send(chat, "1", "it helped");
        Send(chat, hours);
        Send(chat, "2", "it did not help");
        Send(chat, language == Language.Arabic ? "كم سعر الذهب اليوم" : "what is the price of gold today", "out of scope");

        // Suggestions: the guide's own ways of asking that it is not sure about.
        var suggesting = ShippedGuide.Entries.SelectMany(e => e.Questions[language])
            .Where(q => ShippedGuide.Ask(q).Decision == Guide.GuideDecision.Suggest).Take(5).ToList();
        Assert.NotEmpty(suggesting);
        foreach (var question in suggesting)
        {
            Send(chat, "menu");
            Send(chat, question, "suggestions");
            var none = chat.LastReply!.Buttons.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Send(chat, none, "none of these");
            Send(chat, question, "suggestions again");
            Send(chat, "1", "a suggestion picked");
        }
    }

    private void GiveFeedback(Language language)
    {
        var chat = Start(language);
        foreach (var kind in new[] { "1", "2" })
        {
            Send(chat, "5");
            Send(chat, "9", "not a kind");
            Send(chat, kind);
            Send(chat, "3", "a number for feedback");
            Send(chat, "ok", "too short");
            Send(chat, language == Language.Arabic ? "أقترح تمديد ساعات الدوام يوم الخميس." : "Please open longer on Thursdays.", "feedback text");
        }
        Send(chat, language == Language.Arabic ? "شكوى" : "complaint", "feedback word in the menu");
    }

    private void FillRequest(Language language, ServiceDefinition service, int index)
    {
        var requests = new StoredRequests();
        var chat = Start(language, requests);
        Send(chat, "2");
        Send(chat, "99", "not a service");
        Send(chat, index.ToString(System.Globalization.CultureInfo.InvariantCulture), service.Id);
        var first = true;
        while (chat.Conversation.State == ConversationState.RequestField)
        {
            var field = chat.Conversation.Request!.Field!.Value;
            var optional = service.Fields.Single(f => f.Field == field) is { Required: false };
            if (first) Send(chat, "رجوع", "back from the first field");
            if (first) Send(chat, index.ToString(System.Globalization.CultureInfo.InvariantCulture), service.Id);
            first = false;
            foreach (var wrong in Wrong(field)) Send(chat, wrong, $"{field} wrong");
            Send(chat, optional ? (language == Language.Arabic ? "تخطي" : "skip") : Valid(field, language), $"{field}");
        }
        Assert.Equal(ConversationState.RequestSummary, chat.Conversation.State);
        Send(chat, "7", "not a summary choice");
        Send(chat, "2", "edit");
        Send(chat, service.Fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "edit the last field");
        Send(chat, Valid(service.Fields[^1].Field, language), "edited");
        Send(chat, "1", "confirm");
        Assert.Single(requests.OpenForBeneficiary(chat.Conversation.BeneficiaryId));

        if (service.Fields.Any(f => f.Field == RequestField.NationalId))
        {
            Send(chat, "2");
            Send(chat, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            while (chat.Conversation.State == ConversationState.RequestField)
                Send(chat, Valid(chat.Conversation.Request!.Field!.Value, language), "again, for the duplicate");
            if (chat.Conversation.State == ConversationState.RequestSummary) Send(chat, "1", "confirm a duplicate");
        }

        var reference = requests.OpenForBeneficiary(chat.Conversation.BeneficiaryId)[0].Reference;
        chat.Notify(new RequestNotice(reference, service.Id, RequestStatus.UnderStudy, null));
        Record(chat, "status changed");
        chat.Notify(new RequestNotice(reference, service.Id, RequestStatus.NeedsInformation,
            language == Language.Arabic ? "نرجو إرسال صورة عقد الإيجار الموثق." : "Please send a photo of the signed lease."));
        Record(chat, "information needed");
        Send(chat, "x", "information too short");
        Send(chat, language == Language.Arabic ? "أرسلت العقد إلى المقر يوم الأحد." : "I took the lease to your office on Sunday.", "information sent");
    }

    private void FollowUp(Language language)
    {
        var requests = new StoredRequests();
        var chat = Start(language, requests);
        Send(chat, "3", "no requests yet");
        Send(chat, "2");
        Send(chat, "1");
        while (chat.Conversation.State == ConversationState.RequestField) Send(chat, Valid(chat.Conversation.Request!.Field!.Value, language));
        Send(chat, "1", "confirm");
        var reference = requests.OpenForBeneficiary(7)[0].Reference;
        Send(chat, "3", "own requests");
        Send(chat, reference, "own reference");
        Send(chat, "TMK-2611-99999", "unknown reference");

        var other = Start(language, requests);
        other.Conversation.BeneficiaryId = 8;
        Send(other, reference, "another account's reference");
        Send(other, "1012345680", "a wrong ID");
        Send(other, reference, "another account's reference");
        Send(other, ValidId, "the right ID");
    }

    private void Commands(Language language)
    {
        var chat = Start(language);
        Send(chat, "5");
        Send(chat, "back");
        Send(chat, "cancel");
        Send(chat, "human");
        Send(chat, "4", "staff, coming soon");
        Send(chat, "9", "not a menu choice");
        Send(chat, new string('a', ConversationSettings.Default.MaxMessageLength + 1), "too long");
        Send(chat, "", "a photo in the menu", new Attachment("image/jpeg", "a.jpg"));
        Send(chat, "2");
        Send(chat, "1");
        Send(chat, "", "a photo too large", new Attachment("image/jpeg", "a.jpg", TooLarge: true));
        Send(chat, "", "a photo kept", new Attachment("image/jpeg", "b.jpg"));
        Send(chat, language == Language.Arabic ? "عربي" : "English", "switch language mid-request");
        chat.Clock.Advance(TimeSpan.FromHours(2));
        Send(chat, "hello", "after a long pause");
    }

    private void Keywords(Language language)
    {
        var first = new Chat(channel: Channel.Sms);
        Send(first, language == Language.Arabic ? "اشتراك" : "START", "start as the first message");
        var chat = Start(language);
        Send(chat, "2");
        Send(chat, language == Language.Arabic ? "مساعدة" : "HELP", "help");
        Send(chat, language == Language.Arabic ? "إيقاف" : "STOP", "stop");
        Send(chat, language == Language.Arabic ? "اشتراك" : "START", "start");
    }

    private static string Valid(RequestField field, Language language) => field switch
    {
        RequestField.FullName => language == Language.Arabic ? "محمد عبدالله السالم" : "Mohammed Abdullah Alsalem",
        RequestField.NationalId => ValidId,
        RequestField.Mobile => "0551234567",
        RequestField.City => "1",
        RequestField.FamilySize => "6",
        RequestField.MonthlyIncome => "3500",
        _ => language == Language.Arabic
            ? "أحتاج مساعدة في سداد إيجار الشهر القادم، فدخلنا لا يكفي بعد مرض والدي."
            : "We need help with next month's rent; our income is not enough since my father fell ill.",
    };

    private static string[] Wrong(RequestField field) => field switch
    {
        RequestField.FullName => ["محمد", "محمد 123", "x"],
        RequestField.NationalId => ["123", "3012345678", "1012345678"],
        RequestField.Mobile => ["123"],
        RequestField.City => ["لندن"],
        RequestField.FamilySize => ["كثير", "99"],
        RequestField.MonthlyIncome => ["كثير", "99999999"],
        _ => ["قصير"],
    };

    private void Record(Chat chat, string step)
    {
        if (chat.LastReply is { } reply) _sent.Add((step, reply));
    }

    private void AssertWithinBudget()
    {
        Assert.NotEmpty(_sent);
        var over = _sent.Select(s => (s.Step, Text: SmsBudget.AsSent(s.Reply), Segments: SmsBudget.Segments(s.Reply)))
            .Where(s => s.Segments > SmsBudget.DefaultSegments)
            .DistinctBy(s => s.Text)
            .Select(s => $"{s.Step}: {s.Segments} segments ({s.Text.Length} characters, {(SmsSegments.IsGsm7(s.Text) ? "GSM-7" : "UCS-2")})\n{s.Text}")
            .ToList();
        Assert.True(over.Count == 0, $"{over.Count} SMS replies above {SmsBudget.DefaultSegments} segments:\n\n" + string.Join("\n\n", over));
    }
}
