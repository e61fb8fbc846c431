using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Handoff;

/// <summary>"A person" (menu 4, the button, «موظف»). Until staff can answer here, the person gets the association's phone and the menu.</summary>
internal static class StaffHandoff
{
    public static void NotYet(ConversationMachine m) =>
        m.Reply.Say(m.T(TextKey.TalkToStaffComingSoon).Replace("{phone}", m.Ltr(m.Settings.ContactPhone), StringComparison.Ordinal));
}
