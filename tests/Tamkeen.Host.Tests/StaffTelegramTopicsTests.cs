using System.Text.Json.Nodes;
using static Tamkeen.Host.Tests.StaffTelegramGroupTests;

namespace Tamkeen.Host.Tests;

/// <summary>Handoff:UseForumTopics: each case in a forum topic of its own, where staff answer it without replying to a post, closed with the case.</summary>
public class StaffTelegramTopicsTests
{
    private static object StaffWritesInTopic(long user, string text, int topic) => new
    {
        update_id = NextUpdateId(),
        message = new
        {
            message_id = (int)NextUpdateId(), message_thread_id = topic, is_topic_message = true, date = Now, from = User(user), chat = GroupChat, text,
        },
    };

    [Fact]
    public async Task Each_case_gets_a_topic_where_its_card_and_posts_go_a_members_message_there_answers_the_person_and_closing_closes_it()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api, "--Handoff:UseForumTopics=true");
        await LinkedStaffAsync(service, "sara", "سارة", 9201);

        var reference = await OpenCaseAsync(service, 7301);

        var created = (await api.WaitForAsync("createForumTopic")).Single();
        Assert.Equal(Group, created["chat_id"]!.GetValue<long>());
        Assert.Equal($"{reference} — طلب التحدث مع موظف", created["name"]!.GetValue<string>());
        var card = await CardAsync(api);
        var topic = ThreadOf(card);
        Assert.NotNull(topic);

        await PostAsync(service, StaffWritesInTopic(9201, "مرحباً، أنا سارة وسأساعدك.", topic.Value));

        await Eventually.UntilAsync(() => api.CallsOf("sendMessage").Any(c =>
            c["chat_id"]!.GetValue<long>() == 7301 && c["text"]!.GetValue<string>().Contains("مرحباً، أنا سارة وسأساعدك.")), "the reply to the person");
        var echo = await CardAsync(api, 2);
        Assert.Contains("ردّ سارة", echo["text"]!.GetValue<string>());
        Assert.Equal(topic, ThreadOf(echo));
        var edit = (await api.WaitForAsync("editMessageText")).Single();
        Assert.Contains("استلمها سارة", edit["text"]!.GetValue<string>());
        Assert.Single(api.CallsOf("createForumTopic"));

        await PostAsync(service, StaffPresses(9201, topic.Value, $"case:close:{reference}"));
        var closed = (await api.WaitForAsync("closeForumTopic")).Single();
        Assert.Equal(topic, closed["message_thread_id"]!.GetValue<int>());
        Assert.Contains("أُغلقت", (await api.WaitForAsync("editMessageText", 2))[1]["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_topics_no_topic_is_created_and_posts_carry_no_thread()
    {
        await using var api = await TelegramFakeBotApi.StartAsync();
        await using var service = await StartAsync(api);

        await OpenCaseAsync(service, 7302);

        Assert.Null(ThreadOf(await CardAsync(api)));
        Assert.Empty(api.CallsOf("createForumTopic"));
    }

    private static int? ThreadOf(JsonObject send) => send["message_thread_id"]?.GetValue<int>();
}
