using System.Reflection;

namespace Recruitment.BuildingBlocks;

/// <summary>
/// What the host needs to know about a module to wire and watch it: its name, the PostgreSQL
/// schema its store owns, the store's marker interface and the assembly holding its handlers.
/// </summary>
public sealed record ModuleInfo(string Name, string Schema, Type StoreType, Assembly Assembly)
{
    /// <summary>Prefix of the durable local queues holding this module's incoming messages.</summary>
    public string QueueName => Name.ToLowerInvariant();
}

public static class Messaging
{
    /// <summary>One envelope schema for every store, so a message is marked handled where it was stored (STACK-NOTES pitfall 3).</summary>
    public const string EnvelopeSchema = "wolverine";
}
