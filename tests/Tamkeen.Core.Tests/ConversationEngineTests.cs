using Tamkeen.Core.Conversations;
using Tamkeen.Core.Feedback;
using static Tamkeen.Core.Tests.Chat;

namespace Tamkeen.Core.Tests;

public class ConversationEngineTests
{
    private static readonly string[] MenuChoices = ["1", "2", "3", "4", "5"];

    private static Chat InState(ConversationState state)
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        if (state >= ConversationState.FeedbackKind) chat.Send("5");
        if (state >= ConversationState.FeedbackText) chat.Send("1");
        Assert.Equal(state, chat.Conversation.State);
        return chat;
    }

    [Fact]
    public void First_contact_gets_the_welcome_and_the_menu()
    {
        var chat = new Chat();
        var reply = chat.Send("السلام عليكم");
        Assert.StartsWith(Ar(TextKey.GreetingSalamReply) + "\n\n" + Ar(TextKey.Welcome), reply);
        Assert.Contains(Ar(TextKey.MenuPrompt), reply);
        Assert.Equal(MenuChoices, chat.ButtonPayloads);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Fact]
    public void First_contact_with_a_menu_number_is_answered_after_the_welcome()
    {
        var chat = new Chat();
        var reply = chat.Send("٥");
        Assert.StartsWith(Ar(TextKey.Welcome), reply);
        Assert.Contains(Ar(TextKey.FeedbackChooseKind), reply);
        Assert.Equal(ConversationState.FeedbackKind, chat.Conversation.State);
    }

    [Theory]
    [InlineData("٣", TextKey.FollowUpNone)]
    public void Menu_items_that_answer_at_once_show_the_menu_again(string choice, TextKey interim)
    {
        var chat = InState(ConversationState.MainMenu);
        var reply = chat.Send(choice);
        Assert.StartsWith(ArLead(interim), reply);
        Assert.Contains(Ar(TextKey.MenuPrompt), reply);
        Assert.Equal(MenuChoices, chat.ButtonPayloads);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("۵")]
    public void Menu_item_5_asks_suggestion_or_complaint(string choice)
    {
        var chat = InState(ConversationState.MainMenu);
        Assert.Equal(Ar(TextKey.FeedbackChooseKind), chat.Send(choice));
        Assert.Equal(["1", "2", "back", "menu"], chat.ButtonPayloads);
        Assert.Equal(ConversationState.FeedbackKind, chat.Conversation.State);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("0٠٩")]
    public void A_number_that_is_not_a_menu_item_shows_the_choices(string typed)
    {
        var chat = InState(ConversationState.MainMenu);
        var reply = chat.Send(typed);
        Assert.StartsWith(Ar(TextKey.NotUnderstood), reply);
        Assert.Equal(MenuChoices, chat.ButtonPayloads);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Theory]
    [InlineData("1", FeedbackKind.Suggestion, TextKey.FeedbackWriteSuggestion)]
    [InlineData("2", FeedbackKind.Complaint, TextKey.FeedbackWriteComplaint)]
    [InlineData("شكوي", FeedbackKind.Complaint, TextKey.FeedbackWriteComplaint)]
    [InlineData("مُقترح", FeedbackKind.Suggestion, TextKey.FeedbackWriteSuggestion)]
    public void Choosing_the_kind_asks_for_the_text(string choice, FeedbackKind kind, TextKey prompt)
    {
        var chat = InState(ConversationState.FeedbackKind);
        Assert.Equal(Ar(prompt), chat.Send(choice));
        Assert.Equal(ConversationState.FeedbackText, chat.Conversation.State);
        Assert.Equal(kind, chat.Conversation.Feedback?.Kind);
        Assert.Equal(["back", "menu"], chat.ButtonPayloads);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("ما ادري")]
    public void A_wrong_kind_is_asked_again(string typed)
    {
        var chat = InState(ConversationState.FeedbackKind);
        var reply = chat.Send(typed);
        Assert.StartsWith(Ar(TextKey.NotUnderstood), reply);
        Assert.Contains(Ar(TextKey.FeedbackChooseKind), reply);
        Assert.Equal(ConversationState.FeedbackKind, chat.Conversation.State);
    }

    [Fact]
    public void A_complaint_is_recorded_with_a_reference_and_the_person_thanked()
    {
        var chat = InState(ConversationState.MainMenu);
        chat.Send("5");
        chat.Send("2");
        var reply = chat.Send("تأخر الرد على طلبي أكثر من أسبوعين");

        var submitted = Assert.Single(chat.Events.OfType<FeedbackSubmitted>());
        Assert.Equal(FeedbackKind.Complaint, submitted.Kind);
        Assert.Equal("تأخر الرد على طلبي أكثر من أسبوعين", submitted.Text);
        Assert.Contains(Ar(TextKey.FeedbackThanksComplaint).Replace("{reference}", submitted.Reference, StringComparison.Ordinal), reply);
        Assert.Contains(Ar(TextKey.MenuPrompt), reply);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
        Assert.Null(chat.Conversation.Feedback?.Kind);
    }

    [Fact]
    public void The_word_complaint_in_the_main_menu_goes_straight_to_writing_it()
    {
        var chat = InState(ConversationState.MainMenu);
        Assert.Equal(Ar(TextKey.FeedbackWriteComplaint), chat.Send("شكوى"));
        Assert.Equal(FeedbackKind.Complaint, chat.Conversation.Feedback?.Kind);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("٥")]
    [InlineData("!!!")]
    public void A_too_short_suggestion_is_asked_again_and_nothing_is_recorded(string typed)
    {
        var chat = InState(ConversationState.FeedbackText);
        var reply = chat.Send(typed);
        Assert.Equal(Ar(TextKey.FeedbackTooShort), reply);
        Assert.Empty(chat.Events);
        Assert.Equal(ConversationState.FeedbackText, chat.Conversation.State);
    }

    [Theory]
    [InlineData(ConversationState.FeedbackText, ConversationState.FeedbackKind, TextKey.FeedbackChooseKind)]
    [InlineData(ConversationState.FeedbackKind, ConversationState.MainMenu, TextKey.MenuPrompt)]
    [InlineData(ConversationState.MainMenu, ConversationState.MainMenu, TextKey.MenuPrompt)]
    public void Back_returns_to_the_previous_step(ConversationState from, ConversationState to, TextKey prompt)
    {
        var chat = InState(from);
        Assert.Equal(Ar(prompt), chat.Send("رجوع"));
        Assert.Equal(to, chat.Conversation.State);
    }

    [Theory]
    [InlineData("إلغاء")]
    [InlineData("الغاء")]
    [InlineData("cancel")]
    [InlineData("كنسل")]
    public void Cancel_drops_the_current_step_and_shows_the_menu(string typed)
    {
        var chat = InState(ConversationState.FeedbackText);
        var reply = chat.Send(typed);
        Assert.StartsWith(Ar(TextKey.Cancelled), reply);
        Assert.Contains(Ar(TextKey.MenuPrompt), reply);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
        Assert.Null(chat.Conversation.Feedback?.Kind);
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void Cancel_in_the_main_menu_just_shows_the_menu() =>
        Assert.Equal(Ar(TextKey.MenuPrompt), InState(ConversationState.MainMenu).Send("إلغاء"));

    [Theory]
    [InlineData(ConversationState.MainMenu, "القائمة")]
    [InlineData(ConversationState.FeedbackKind, "menu")]
    [InlineData(ConversationState.FeedbackText, "0")]
    [InlineData(ConversationState.FeedbackText, "٠")]
    [InlineData(ConversationState.FeedbackText, "القائمه")]
    public void Menu_works_from_any_state(ConversationState from, string typed)
    {
        var chat = InState(from);
        Assert.Equal(Ar(TextKey.MenuPrompt), chat.Send(typed));
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Theory]
    [InlineData(ConversationState.MainMenu, "موظف")]
    [InlineData(ConversationState.FeedbackKind, "human")]
    [InlineData(ConversationState.FeedbackText, "ابي اكلم موظف")]
    public void Asking_for_a_person_anywhere_hands_the_conversation_to_staff(ConversationState from, string typed)
    {
        var chat = InState(from);
        var reply = chat.Send(typed);
        Assert.StartsWith(ArLead(TextKey.CaseOpened), reply);
        Assert.Equal(ConversationState.WithStaff, chat.Conversation.State);
        Assert.Null(chat.Conversation.Feedback);
    }

    [Theory]
    [InlineData(ConversationState.MainMenu, TextKey.MenuPrompt)]
    [InlineData(ConversationState.FeedbackKind, TextKey.FeedbackChooseKind)]
    [InlineData(ConversationState.FeedbackText, TextKey.FeedbackWriteSuggestion)]
    public void Switching_language_repeats_the_step_in_the_new_language(ConversationState state, TextKey prompt)
    {
        var chat = InState(state);
        var english = chat.Send("English");
        Assert.Equal($"{En(TextKey.LanguageSwitched)}\n\n{En(prompt)}", english);
        Assert.Equal(Language.English, chat.Conversation.Language);
        Assert.Equal(state, chat.Conversation.State);

        var arabic = chat.Send("عربى");
        Assert.Equal($"{Ar(TextKey.LanguageSwitched)}\n\n{Ar(prompt)}", arabic);
        Assert.Equal(Language.Arabic, chat.Conversation.Language);
    }

    [Fact]
    public void Button_payload_wins_over_the_label_text()
    {
        var chat = InState(ConversationState.MainMenu);
        chat.Send("اقتراح أو شكوى", payload: "5");
        Assert.Equal(ConversationState.FeedbackKind, chat.Conversation.State);
    }

    [Fact]
    public void An_idle_conversation_starts_again_from_the_menu_saying_so()
    {
        var chat = InState(ConversationState.FeedbackText);
        chat.Clock.Advance(TimeSpan.FromMinutes(31));
        var reply = chat.Send("اقتراحي هو زيادة أوقات الدوام");
        Assert.StartsWith(Ar(TextKey.IdleRestart), reply);
        Assert.Contains(Ar(TextKey.MenuPrompt), reply);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void A_conversation_within_the_idle_timeout_goes_on()
    {
        var chat = InState(ConversationState.FeedbackText);
        chat.Clock.Advance(TimeSpan.FromMinutes(29));
        chat.Send("اقتراحي هو زيادة أوقات الدوام");
        Assert.Single(chat.Events);
    }

    [Fact]
    public void The_idle_timeout_is_a_setting()
    {
        var chat = new Chat(ConversationSettings.Default with { IdleTimeout = TimeSpan.FromMinutes(5) });
        chat.Send("5");
        chat.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.StartsWith(Ar(TextKey.IdleRestart), chat.Send("3"));
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Fact]
    public void An_over_long_message_gets_the_limit_and_keeps_the_step()
    {
        var chat = InState(ConversationState.FeedbackText);
        var reply = chat.Send(new string('ب', 2001));
        Assert.StartsWith(Ar(TextKey.TooLong).Replace("{limit}", "2,000", StringComparison.Ordinal), reply);
        Assert.Equal(ConversationState.FeedbackText, chat.Conversation.State);
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void A_message_of_exactly_the_limit_is_accepted()
    {
        var chat = InState(ConversationState.FeedbackText);
        chat.Send(new string('ب', 2000));
        Assert.Single(chat.Events);
    }

    [Fact]
    public void An_attachment_without_text_is_explained_and_the_step_repeated()
    {
        var chat = InState(ConversationState.FeedbackKind);
        var reply = chat.Send(null, null, new Attachment("image/jpeg", "https://example.invalid/a.jpg"));
        Assert.StartsWith(Ar(TextKey.AttachmentsNotRead), reply);
        Assert.Contains(Ar(TextKey.FeedbackChooseKind), reply);
    }

    [Fact]
    public void The_state_graph_names_every_state()
    {
        var graph = new Chat().Engine.StateGraph();
        foreach (var state in Enum.GetNames<ConversationState>()) Assert.Contains(state, graph);
    }
}
