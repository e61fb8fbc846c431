using System.Text.Json;
using Tamkeen.Core.Text;

namespace Tamkeen.Core.Conversations;

/// <summary>Maps the ways people write a command (any spelling, either language) to the command.</summary>
public sealed class CommandLexicon
{
    private readonly Dictionary<string, Command> _phrases;

    private CommandLexicon(Dictionary<string, Command> phrases) => _phrases = phrases;

    public Command? Match(string normalizedText) =>
        _phrases.TryGetValue(normalizedText, out var command) ? command : null;

    /// <summary>Reads { "Menu": ["القائمة", "menu", "0"], ... }; every command needs at least one phrase.</summary>
    public static CommandLexicon Parse(string json)
    {
        var raw = JsonSerializer.Deserialize<Dictionary<string, string[]>>(json)
                  ?? throw new InvalidDataException("The command list is empty.");
        var phrases = new Dictionary<string, Command>();
        foreach (var (name, list) in raw)
        {
            if (!Enum.TryParse<Command>(name, out var command))
                throw new InvalidDataException($"Unknown command '{name}' in the command list.");
            foreach (var phrase in list)
            {
                var key = ArabicText.Normalize(phrase);
                if (key.Length == 0) continue;
                if (phrases.TryGetValue(key, out var other) && other != command)
                    throw new InvalidDataException($"The phrase '{phrase}' is listed for both {other} and {command}.");
                phrases[key] = command;
            }
        }
        var missing = Enum.GetValues<Command>().Where(c => !phrases.ContainsValue(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"The command list has no phrase for: {string.Join(", ", missing)}.");
        return new CommandLexicon(phrases);
    }
}
