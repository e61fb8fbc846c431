using System.Text.Json;
using Tamkeen.Core.Conversations;

namespace Tamkeen.Core.Requests;

public sealed record ServiceField(RequestField Field, bool Required);

public sealed record ServiceDefinition(string Id, IReadOnlyDictionary<Language, string> Title, IReadOnlyList<ServiceField> Fields);

/// <summary>The services the bot takes requests for (content/requests/services.json), in the order shown.</summary>
public sealed class ServiceCatalogue
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private ServiceCatalogue(IReadOnlyList<ServiceDefinition> services) => Services = services;

    public IReadOnlyList<ServiceDefinition> Services { get; }

    public ServiceDefinition? Find(string? id) => Services.FirstOrDefault(s => s.Id == id);

    public static ServiceCatalogue Parse(string json)
    {
        var file = JsonSerializer.Deserialize<CatalogueFile>(json, Json)
                   ?? throw new InvalidDataException("The service catalogue is empty.");
        var services = new List<ServiceDefinition>();
        foreach (var s in file.Services ?? [])
        {
            if (string.IsNullOrWhiteSpace(s.Id) || string.IsNullOrWhiteSpace(s.Ar) || string.IsNullOrWhiteSpace(s.En))
                throw new InvalidDataException("Every service in the catalogue needs an id, an Arabic (ar) and an English (en) title.");
            var fields = (s.Required ?? []).Select(code => new ServiceField(Field(s.Id, code), true))
                .Concat((s.Optional ?? []).Select(code => new ServiceField(Field(s.Id, code), false)))
                .OrderBy(f => f.Field)
                .ToList();
            if (fields.Count == 0 || fields.DistinctBy(f => f.Field).Count() != fields.Count)
                throw new InvalidDataException($"Service '{s.Id}' must list each field once, and at least one.");
            services.Add(new ServiceDefinition(s.Id, new Dictionary<Language, string> { [Language.Arabic] = s.Ar, [Language.English] = s.En }, fields));
        }
        if (services.Count == 0) throw new InvalidDataException("The service catalogue lists no services.");
        if (services.DistinctBy(s => s.Id).Count() != services.Count) throw new InvalidDataException("Two services in the catalogue share an id.");
        return new ServiceCatalogue(services);
    }

    private static RequestField Field(string service, string code) =>
        RequestFields.FromCode(code) ?? throw new InvalidDataException($"Service '{service}' names an unknown field '{code}'.");

    private sealed record CatalogueFile(List<ServiceFile>? Services);

    private sealed record ServiceFile(string Id, string Ar, string En, List<string>? Required, List<string>? Optional);
}
