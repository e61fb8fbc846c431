using Tamkeen.Core.Conversations;
using static Tamkeen.Core.Tests.Chat;

namespace Tamkeen.Core.Tests;

public class GuideConversationTests
{
    private const string HoursQuestion = "ما أوقات الدوام؟";
    private static string HoursAnswer(Language language) => ShippedGuide.Find("working-hours")!.Answer[language];

    private static Chat Answered()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send(HoursQuestion);
        Assert.Equal(ConversationState.AnswerFeedback, chat.Conversation.State);
        return chat;
    }

    [Fact]
    public void Menu_item_1_asks_for_the_question()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        Assert.Equal(Ar(TextKey.QuestionPrompt), chat.Send("١"));
        Assert.Equal(["back", "menu"], chat.ButtonPayloads);
        Assert.Equal(ConversationState.Question, chat.Conversation.State);
    }

    [Fact]
    public void A_menu_number_where_a_question_is_expected_is_a_menu_choice()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("1");
        chat.Send("كم سعر الذهب اليوم");
        Assert.StartsWith(Ar(TextKey.RequestChooseService), chat.Send("2"));
        Assert.Equal(ConversationState.RequestService, chat.Conversation.State);
    }

    [Fact]
    public void A_number_that_is_no_menu_item_where_a_question_is_expected_shows_the_menu()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("1");
        var reply = chat.Send("7");
        Assert.StartsWith(Ar(TextKey.NotUnderstood), reply);
        Assert.Contains(Ar(TextKey.MenuPrompt), reply);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Fact]
    public void A_question_in_the_main_menu_is_answered_and_asks_if_it_helped()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        var reply = chat.Send(HoursQuestion);
        Assert.Equal($"{HoursAnswer(Language.Arabic)}\n\n{Ar(TextKey.AnswerHelpful)}", reply);
        Assert.Equal(["1", "2", "3"], chat.ButtonPayloads);
        Assert.Equal([new GuideQuestionAsked(Language.Arabic)], chat.Events);
    }

    [Fact]
    public void A_first_message_that_is_a_question_gets_the_welcome_and_the_answer()
    {
        var chat = new Chat();
        var reply = chat.Send(HoursQuestion);
        Assert.StartsWith(Ar(TextKey.Welcome), reply);
        Assert.Contains(HoursAnswer(Language.Arabic), reply);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("نعم")]
    [InlineData("ايه")]
    public void Yes_says_glad_and_shows_the_menu(string typed)
    {
        var chat = Answered();
        Assert.Equal($"{Ar(TextKey.AnswerGlad)}\n\n{Ar(TextKey.MenuPrompt)}", chat.Send(typed));
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
        Assert.Equal([new GuideQuestionAsked(Language.Arabic)], chat.Events);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("لا")]
    [InlineData("ما افادني")]
    public void No_records_the_question_for_staff_and_offers_a_person(string typed)
    {
        var chat = Answered();
        Assert.Equal(Ar(TextKey.AnswerSorry), chat.Send(typed));
        Assert.Equal(["human", "menu"], chat.ButtonPayloads);
        Assert.Equal(ConversationState.Question, chat.Conversation.State);
        var unanswered = Assert.IsType<QuestionUnanswered>(Assert.Single(chat.Events, e => e is not GuideQuestionAsked));
        Assert.Equal(new QuestionUnanswered(HoursQuestion, Language.Arabic, UnansweredReason.NotHelpful, "working-hours"), unanswered);
    }

    [Fact]
    public void Another_question_after_an_answer_is_answered_too()
    {
        var chat = Answered();
        var reply = chat.Send("وين مقر الجمعيه");
        Assert.StartsWith(ShippedGuide.Find("location")!.Answer[Language.Arabic], reply);
        Assert.Equal(ConversationState.AnswerFeedback, chat.Conversation.State);
    }

    [Theory]
    [InlineData("كم سعر الذهب اليوم")]
    [InlineData("كيف اجدد جواز السفر")]
    public void A_question_the_guide_does_not_cover_is_not_guessed(string question)
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        Assert.Equal(Ar(TextKey.QuestionNotSure), chat.Send(question));
        Assert.Equal(["human", "menu"], chat.ButtonPayloads);
        Assert.Equal(ConversationState.Question, chat.Conversation.State);
        Assert.Equal(new QuestionUnanswered(question, Language.Arabic, UnansweredReason.NoMatch, null), Assert.Single(chat.Events, e => e is not GuideQuestionAsked));
    }

    [Fact]
    public void An_English_question_in_an_Arabic_chat_is_answered_in_English()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        Assert.Equal($"{HoursAnswer(Language.English)}\n\n{En(TextKey.AnswerHelpful)}", chat.Send("What are your working hours?"));
        Assert.Equal(Language.Arabic, chat.Conversation.Language);
    }

    [Fact]
    public void Back_after_an_answer_asks_for_another_question()
    {
        var chat = Answered();
        Assert.Equal(Ar(TextKey.QuestionPrompt), chat.Send("رجوع"));
        Assert.Equal(ConversationState.Question, chat.Conversation.State);
    }

    private const string VagueQuestion = "ابي مساعده";

    private static (Chat Chat, string[] Offered) Suggested()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        var reply = chat.Send(VagueQuestion);
        Assert.StartsWith(Ar(TextKey.SuggestionsPrompt), reply);
        Assert.Equal(ConversationState.Suggestions, chat.Conversation.State);
        var offered = chat.Conversation.Guide!.EntryIds.ToArray();
        Assert.InRange(offered.Length, 2, 3);
        return (chat, offered);
    }

    [Fact]
    public void A_vague_question_offers_up_to_three_titles_and_none_of_these()
    {
        var (chat, offered) = Suggested();
        Assert.Equal(
            [.. offered.Select(id => ShippedGuide.Find(id)!.Title[Language.Arabic]), Ar(TextKey.SuggestionsNone)],
            chat.LastReply!.Buttons.Select(b => b.Label));
        Assert.Equal(Enumerable.Range(1, offered.Length + 1).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), chat.ButtonPayloads);
        Assert.Equal([new GuideQuestionAsked(Language.Arabic)], chat.Events);
    }

    [Fact]
    public void Choosing_a_suggestion_gives_its_answer()
    {
        var (chat, offered) = Suggested();
        Assert.Equal($"{ShippedGuide.Find(offered[1])!.Answer[Language.Arabic]}\n\n{Ar(TextKey.AnswerHelpful)}", chat.Send("٢"));
        Assert.Equal(ConversationState.AnswerFeedback, chat.Conversation.State);
    }

    [Fact]
    public void None_of_these_records_the_question_and_offers_a_person()
    {
        var (chat, offered) = Suggested();
        Assert.Equal(Ar(TextKey.AnswerSorry), chat.Send((offered.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new QuestionUnanswered(VagueQuestion, Language.Arabic, UnansweredReason.NoneOfTheSuggestions, null), Assert.Single(chat.Events, e => e is not GuideQuestionAsked));
        Assert.Equal(ConversationState.Question, chat.Conversation.State);
    }

    [Fact]
    public void A_number_beyond_the_suggestions_shows_them_again()
    {
        var (chat, _) = Suggested();
        var reply = chat.Send("9");
        Assert.StartsWith(Ar(TextKey.NotUnderstood), reply);
        Assert.Contains(Ar(TextKey.SuggestionsPrompt), reply);
        Assert.Equal(ConversationState.Suggestions, chat.Conversation.State);
    }
}
