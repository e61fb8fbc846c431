using Tamkeen.Core.Conversations;
using Tamkeen.Core.Subscriptions;
using static Tamkeen.Core.Tests.Chat;

namespace Tamkeen.Core.Tests;

public class SubscriptionKeywordTests
{
    private static string Sms(Language language, TextKey key) => Texts[language, key, Channel.Sms];

    private static Chat MidRequest(Channel channel)
    {
        var chat = new Chat(channel: channel);
        chat.Send("مرحبا");
        chat.Send("2");
        chat.Send("1");
        Assert.Equal(ConversationState.RequestField, chat.Conversation.State);
        return chat;
    }

    [Theory]
    [InlineData("إيقاف", Language.Arabic)]
    [InlineData("ايقاف", Language.Arabic)]
    [InlineData("الغاء الاشتراك", Language.Arabic)]
    [InlineData("STOP", Language.English)]
    [InlineData("Unsubscribe", Language.English)]
    [InlineData("stop.", Language.English)]
    public void Stop_on_sms_records_the_opt_out_and_says_how_to_restart_in_the_keywords_language(string typed, Language language)
    {
        var chat = MidRequest(Channel.Sms);
        chat.Events.Clear();
        Assert.Equal(Sms(language, TextKey.SubscriptionStopped), chat.Send(typed));
        Assert.Equal([new SubscriptionChanged(Subscribed: false)], chat.Events);
        Assert.Empty(chat.LastReply!.Buttons);
        Assert.Equal(ConversationState.RequestField, chat.Conversation.State);
    }

    [Fact]
    public void Stop_on_whatsapp_uses_the_full_wording()
    {
        var chat = MidRequest(Channel.WhatsApp);
        Assert.Equal(Ar(TextKey.SubscriptionStopped), chat.Send("إيقاف"));
        Assert.Contains(new SubscriptionChanged(Subscribed: false), chat.Events);
    }

    [Fact]
    public void Stop_as_the_very_first_message_gets_no_welcome_and_the_next_message_does()
    {
        var chat = new Chat(channel: Channel.Sms);
        Assert.Equal(Sms(Language.Arabic, TextKey.SubscriptionStopped), chat.Send("إيقاف"));
        Assert.Null(chat.Conversation.LastMessageAt);
        Assert.StartsWith(Sms(Language.Arabic, TextKey.Welcome), chat.Send("اشتراك"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("اشتراك", Language.Arabic)]
    [InlineData("START", Language.English)]
    public void Start_records_the_opt_in_confirms_and_shows_the_menu(string typed, Language language)
    {
        var chat = MidRequest(Channel.Sms);
        chat.Send("STOP");
        chat.Events.Clear();
        Assert.Equal($"{Sms(language, TextKey.SubscriptionStarted)}\n\n{Sms(Language.Arabic, TextKey.MenuPrompt)}", chat.Send(typed));
        Assert.Equal([new SubscriptionChanged(Subscribed: true)], chat.Events);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
        Assert.Null(chat.Conversation.Request?.ServiceId);
        Assert.Equal(["1", "2", "3", "4", "5"], chat.ButtonPayloads);
    }

    [Theory]
    [InlineData("مساعدة", Language.Arabic)]
    [InlineData("HELP", Language.English)]
    public void Help_gives_the_contact_line_and_keeps_the_step(string typed, Language language)
    {
        var chat = MidRequest(Channel.Sms);
        var field = chat.Conversation.Request?.Field;
        chat.Events.Clear();
        Assert.Equal(Sms(language, TextKey.HelpContact), chat.Send(typed));
        Assert.Empty(chat.Events);
        Assert.Equal(ConversationState.RequestField, chat.Conversation.State);
        Assert.Equal(field, chat.Conversation.Request?.Field);
        // The next message answers the step that was asked before HELP.
        chat.Send("محمد عبدالله السالم");
        Assert.NotEqual(field, chat.Conversation.Request?.Field);
    }

    [Theory]
    [InlineData("إلغاء")]
    [InlineData("الغاء")]
    [InlineData("cancel")]
    public void Cancel_alone_still_cancels_the_step_on_sms(string typed)
    {
        var chat = MidRequest(Channel.Sms);
        chat.Events.Clear();
        Assert.StartsWith(Sms(Language.Arabic, TextKey.Cancelled), chat.Send(typed), StringComparison.Ordinal);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
        Assert.Empty(chat.Events);
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("إيقاف")]
    [InlineData("help")]
    public void The_keywords_mean_nothing_special_on_the_website_chat(string typed)
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send(typed);
        Assert.DoesNotContain(chat.Events, e => e is SubscriptionChanged);
        Assert.NotEqual(Ar(TextKey.SubscriptionStopped), chat.LastReply?.Text);
        Assert.NotEqual(Ar(TextKey.HelpContact), chat.LastReply?.Text);
    }

    [Fact]
    public void Start_on_the_website_chat_is_the_menu()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("5");
        Assert.Equal(Ar(TextKey.MenuPrompt), chat.Send("start"));
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void A_phrase_listed_for_two_keywords_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => SubscriptionKeywords.Parse(
            """{ "Stop": ["STOP"], "Start": ["stop"], "Help": ["HELP"] }"""));
        Assert.Contains("'stop' is listed for both Stop and Start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_keyword_needs_a_phrase()
    {
        var error = Assert.Throws<InvalidDataException>(() => SubscriptionKeywords.Parse("""{ "Stop": ["STOP"], "Start": ["START"] }"""));
        Assert.Contains("no phrase for: Help", error.Message, StringComparison.Ordinal);
    }
}
