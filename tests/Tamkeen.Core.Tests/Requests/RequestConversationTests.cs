using Tamkeen.Core.Conversations;
using Tamkeen.Core.Requests;
using static Tamkeen.Core.Tests.Chat;

namespace Tamkeen.Core.Tests;

public class RequestConversationTests
{
    private const string ValidId = "1012345672";

    /// <summary>Menu 2 → new family registration → every field answered in the ways people type them.</summary>
    private static Chat AtSummary(StoredRequests? requests = null, long beneficiary = 7)
    {
        var chat = new Chat(requests: requests);
        chat.Conversation.BeneficiaryId = beneficiary;
        chat.Send("مرحبا");
        chat.Send("٢");
        chat.Send("1");
        chat.Send("محمد عبدالله السالم");
        chat.Send("١٠١٢٣٤٥٦٧٢");
        chat.Send("055 123 4567");
        chat.Send("عنيزه");
        chat.Send("٦");
        chat.Send("٣٬٥٠٠ ريال");
        chat.Send("تخطي");
        Assert.Equal(ConversationState.RequestSummary, chat.Conversation.State);
        return chat;
    }

    [Fact]
    public void Menu_2_lists_the_services_from_the_catalogue()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        Assert.Equal(Ar(TextKey.RequestChooseService), chat.Send("2"));
        Assert.Equal([.. Services.Services.Select(s => s.Title[Language.Arabic]), Ar(TextKey.ButtonBack), Ar(TextKey.ButtonMenu)],
            chat.LastReply!.Buttons.Select(b => b.Label));
    }

    [Fact]
    public void Only_the_mobile_question_offers_to_share_the_number_labelled_in_the_persons_language()
    {
        var chat = new Chat();
        foreach (var text in new[] { "مرحبا", "2", "1", "محمد عبدالله السالم" }) chat.Send(text);
        Assert.Null(chat.LastReply!.ContactButton);
        chat.Send(ValidId);
        Assert.Equal(Ar(TextKey.ButtonShareMyNumber), chat.LastReply!.ContactButton);

        chat.Send("English");
        Assert.Equal(En(TextKey.ButtonShareMyNumber), chat.LastReply!.ContactButton);
        chat.Send("0551234567");
        Assert.Null(chat.LastReply!.ContactButton);
    }

    [Fact]
    public void The_summary_shows_every_field_with_the_id_and_phone_masked()
    {
        var chat = AtSummary();
        var summary = chat.LastReply!.Text;
        Assert.Contains("محمد عبدالله السالم", summary);
        Assert.Contains($"\u2066{FieldValidators.MaskNationalId(ValidId)}\u2069", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidId, summary);
        Assert.Contains(FieldValidators.MaskMobile("+966551234567"), summary);
        Assert.DoesNotContain("551234567", summary);
        Assert.Contains("عنيزة", summary);
        Assert.Contains($"{Ar(TextKey.RequestLabelDescription)}: {Ar(TextKey.RequestNotGiven)}", summary);
        Assert.Equal(["1", "2", "3"], chat.ButtonPayloads);
    }

    [Theory]
    [InlineData("محمد", TextKey.NameTooShort)]
    [InlineData("محمد 123", TextKey.NameNotLetters)]
    public void A_wrong_value_says_what_was_wrong_and_asks_again_with_an_example(string typed, TextKey problem)
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("2");
        chat.Send("1");
        Assert.Equal($"{Ar(problem)}\n\n{Ar(TextKey.RequestAskFullName)}", chat.Send(typed));
        Assert.Equal(RequestField.FullName, chat.Conversation.Request?.Field);
    }

    [Fact]
    public void Three_failed_tries_tell_staff_and_offer_a_staff_member_instead_of_looping()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("2");
        chat.Send("1");
        chat.Send("محمد عبدالله");
        chat.Send("1234");
        chat.Send("3012345678");
        var third = chat.Send("1012345678");
        Assert.StartsWith($"{Ar(TextKey.NationalIdCheckDigit)}\n\n{Ar(TextKey.RequestTooManyTries)}\n\n{ArLead(TextKey.CaseOpenedAside)}", third);
        Assert.Equal(["human", "menu"], chat.ButtonPayloads);
        Assert.Equal(ConversationState.RequestField, chat.Conversation.State);
    }

    [Fact]
    public void Editing_a_field_from_the_summary_returns_to_the_summary()
    {
        var chat = AtSummary();
        Assert.Equal(Ar(TextKey.RequestEditWhich), chat.Send("2"));
        var mobile = Services.Find("new-family")!.Fields.Select(f => f.Field).ToList().IndexOf(RequestField.Mobile) + 1;
        Assert.Equal(Ar(TextKey.RequestAskMobile), chat.Send(mobile.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        chat.Send("+966 50 987 6543");
        Assert.Equal(ConversationState.RequestSummary, chat.Conversation.State);
        Assert.Contains(FieldValidators.MaskMobile("+966509876543"), chat.LastReply!.Text);
    }

    [Fact]
    public void Confirming_submits_with_a_reference_and_the_one_week_promise_in_both_calendars()
    {
        var chat = AtSummary();
        var reply = chat.Send("1");
        var submitted = Assert.IsType<RequestSubmitted>(Assert.Single(chat.Events));
        Assert.Matches(@"^TMK-2611-\d{5}$", submitted.Reference);
        Assert.Equal(chat.Clock.GetUtcNow().AddDays(7), submitted.DueAt);
        Assert.Equal(ValidId, submitted.Answers[RequestField.NationalId]);
        Assert.Equal("+966551234567", submitted.Answers[RequestField.Mobile]);
        Assert.Equal("3500", submitted.Answers[RequestField.MonthlyIncome]);
        Assert.False(submitted.Answers.ContainsKey(RequestField.Description));
        // The reference is isolated left-to-right, so that it reads in order inside the Arabic sentence.
        Assert.StartsWith($"تم استلام طلبك برقم مرجعي \u2066{submitted.Reference}\u2069", reply, StringComparison.Ordinal);
        Assert.Contains("خلال أسبوع", reply);
        Assert.Contains("2 ديسمبر 2026 م", reply);   // 25 November + 7 days
        Assert.Contains("جمادى الآخرة 1448 هـ", reply);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Fact]
    public void Cancelling_from_the_summary_submits_nothing()
    {
        var chat = AtSummary();
        Assert.StartsWith(Ar(TextKey.Cancelled), chat.Send("3"));
        Assert.Empty(chat.Events);
        Assert.Null(chat.Conversation.Request);
    }

    [Fact]
    public void An_open_request_of_the_same_service_and_id_is_not_made_twice()
    {
        var chat = AtSummary();
        chat.Send("1");
        var reference = chat.Requests.OpenForBeneficiary(7).Single().Reference;
        chat.Events.Clear();

        foreach (var text in new[] { "2", "1", "سارة محمد" }) chat.Send(text);
        var reply = chat.Send(ValidId);
        Assert.StartsWith(Ar(TextKey.RequestDuplicate).Replace("{reference}", $"\u2066{reference}\u2069", StringComparison.Ordinal)
            .Replace("{status}", Ar(TextKey.StatusSubmitted), StringComparison.Ordinal), reply);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
        Assert.Empty(chat.Events);
    }

    [Fact]
    public void Another_accounts_open_request_for_the_same_id_is_not_revealed()
    {
        var requests = new StoredRequests();
        AtSummary(requests).Send("1");
        var reference = requests.OpenForBeneficiary(7).Single().Reference;

        var other = new Chat(requests: requests);
        other.Conversation.BeneficiaryId = 8;
        foreach (var text in new[] { "مرحبا", "2", "1", "سارة محمد" }) other.Send(text);
        var reply = other.Send(ValidId);
        Assert.StartsWith(Ar(TextKey.RequestDuplicateOtherAccount), reply);
        Assert.DoesNotContain(reference, reply);
        Assert.DoesNotContain(Ar(TextKey.StatusSubmitted), reply);
        Assert.Equal(ConversationState.MainMenu, other.Conversation.State);
        Assert.Null(other.Conversation.Request);
        var attempt = Assert.Single(other.Events);
        Assert.Equal(new ForeignRequestAttempted(reference, ForeignAccess.SameServiceAndId), attempt);
    }

    [Fact]
    public void A_closed_request_does_not_stop_a_new_one()
    {
        var requests = new StoredRequests();
        AtSummary(requests).Send("1");
        requests.SetStatus(requests.OpenForBeneficiary(7).Single().Reference, RequestStatus.Completed);
        var again = AtSummary(requests);
        again.Send("1");
        Assert.IsType<RequestSubmitted>(Assert.Single(again.Events));
    }

    [Fact]
    public void Menu_3_lists_the_persons_own_requests_with_their_status()
    {
        var chat = AtSummary();
        chat.Send("1");
        var reference = chat.Requests.OpenForBeneficiary(7).Single().Reference;
        var reply = chat.Send("3");
        Assert.StartsWith(Ar(TextKey.FollowUpList), reply);
        Assert.Contains($"{reference} — تسجيل أسرة جديدة — الحالة: {Ar(TextKey.StatusSubmitted)}", reply);
    }

    [Fact]
    public void Menu_3_leaves_out_closed_requests()
    {
        var chat = AtSummary();
        chat.Send("1");
        chat.Requests.SetStatus(chat.Requests.OpenForBeneficiary(7).Single().Reference, RequestStatus.Rejected);
        Assert.StartsWith(Ar(TextKey.FollowUpNone), chat.Send("3"));
    }

    [Fact]
    public void Another_familys_reference_is_never_shown_even_with_their_id()
    {
        var requests = new StoredRequests();
        AtSummary(requests).Send("1");
        var reference = requests.OpenForBeneficiary(7).Single().Reference;

        var guessing = new Chat(requests: requests);
        guessing.Conversation.BeneficiaryId = 9;
        guessing.Send("مرحبا");
        var answer = guessing.Send($"وش صار على طلبي {reference.ToLowerInvariant()}");
        Assert.StartsWith(Ar(TextKey.FollowUpNotFound), answer);
        Assert.DoesNotContain(reference, answer);
        Assert.DoesNotContain(Ar(TextKey.StatusSubmitted), answer);
        // Exactly what an unknown reference gets, so a guess cannot tell a real reference from a made-up one.
        Assert.Equal(answer, guessing.Send("TMK-2611-99999"));
        Assert.Equal(ConversationState.MainMenu, guessing.Conversation.State);
        var attempt = Assert.Single(guessing.Events.OfType<ForeignRequestAttempted>());
        Assert.Equal((reference, ForeignAccess.TypedReference), (attempt.Reference, attempt.How));

        Assert.DoesNotContain(reference, guessing.Send(ValidId));
    }

    [Fact]
    public void Zero_is_an_income_while_the_income_is_asked_not_the_menu()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        foreach (var text in new[] { "2", "1", "محمد عبدالله السالم", ValidId, "0551234567", "بريدة", "5" }) chat.Send(text);
        Assert.Equal(RequestField.MonthlyIncome, chat.Conversation.Request?.Field);
        chat.Send("0");
        Assert.Equal(RequestField.Description, chat.Conversation.Request?.Field);
    }

    [Fact]
    public void A_status_change_is_told_and_the_step_the_person_was_in_is_kept()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("5");
        var reply = chat.Notify(new RequestNotice("TMK-2611-00042", "food-basket", RequestStatus.Approved, null));
        Assert.StartsWith("تغيّرت حالة طلبك \u2066TMK-2611-00042\u2069 (سلة غذائية) إلى: مقبول.", reply);
        Assert.EndsWith(Ar(TextKey.FeedbackChooseKind), reply);
        Assert.Equal(ConversationState.FeedbackKind, chat.Conversation.State);
    }

    [Fact]
    public void Needs_information_waits_for_what_was_asked_and_attaches_it_to_the_request()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        var reply = chat.Notify(new RequestNotice("TMK-2611-00042", "rent-support", RequestStatus.NeedsInformation, "أرسل رقم عقد الإيجار"));
        Assert.Contains("ملاحظة من الإدارة: أرسل رقم عقد الإيجار", reply);
        Assert.EndsWith(Ar(TextKey.RequestInformationAsk).Replace("{reference}", "\u2066TMK-2611-00042\u2069", StringComparison.Ordinal), reply);
        Assert.Equal(ConversationState.RequestInformation, chat.Conversation.State);

        Assert.Equal(Ar(TextKey.RequestInformationReceived), chat.Send("العقد رقم ٢٠٢٦١١٢٥"));
        var given = Assert.IsType<RequestInformationGiven>(Assert.Single(chat.Events));
        Assert.Equal(("TMK-2611-00042", "العقد رقم ٢٠٢٦١١٢٥"), (given.Reference, given.Text));
        Assert.Empty(given.Attachments);
        Assert.StartsWith(Ar(TextKey.RequestInformationThanks).Replace("{reference}", "\u2066TMK-2611-00042\u2069", StringComparison.Ordinal)
            .Replace("{messages}", "1", StringComparison.Ordinal).Replace("{files}", "0", StringComparison.Ordinal), chat.Press("done"));
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Fact]
    public void Photos_sent_while_filling_in_go_with_the_request()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Send("2");
        chat.Send("1");
        var photo = new Attachment("image/jpeg", "telegram:file-1");
        var reply = chat.Send(null, null, photo);
        Assert.StartsWith(Ar(TextKey.RequestAttachmentsKept).Replace("{count}", "1", StringComparison.Ordinal), reply);
        Assert.Contains(Ar(TextKey.RequestAskFullName), reply);
        foreach (var text in new[] { "محمد عبدالله السالم", ValidId, "0551234567", "بريدة", "5", "0", "تخطي", "1" }) chat.Send(text);
        Assert.Equal([photo], Assert.IsType<RequestSubmitted>(Assert.Single(chat.Events)).Attachments);
    }

    [Fact]
    public void A_photo_alone_answers_a_request_for_information()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        chat.Notify(new RequestNotice("TMK-2611-00042", "rent-support", RequestStatus.NeedsInformation, "أرسل صورة العقد"));
        var contract = new Attachment("application/pdf", "whatsapp:media-7");
        chat.Send(null, null, contract);
        var given = Assert.IsType<RequestInformationGiven>(Assert.Single(chat.Events));
        Assert.Equal(("TMK-2611-00042", ""), (given.Reference, given.Text));
        Assert.Equal([contract], given.Attachments);

        // Nothing more comes: after the quiet time the bot confirms what was added and closes the step.
        chat.Clock.Advance(ConversationSettings.Default.QuietTime);
        chat.FireDueTimers();
        Assert.Contains("الملفات: 1", Assert.Single(chat.Unprompted).Text);
        Assert.Equal(ConversationState.MainMenu, chat.Conversation.State);
    }

    [Fact]
    public void Attachments_outside_a_request_are_not_read_and_say_so()
    {
        var chat = new Chat();
        chat.Send("مرحبا");
        Assert.StartsWith(Ar(TextKey.AttachmentsNotRead), chat.Send(null, null, new Attachment("image/png", "x")));
    }
}
