using System.Collections;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Recruitment.Host.Hosting;

/// <summary>
/// Applies <see cref="TextPolicy"/> to every object any route binds from JSON, registered once on the host's
/// serializer options: after an object is read, each of its string properties is checked against its field's
/// rule, each string in a list against the default rule, and no list may hold a <c>null</c> element unless its
/// type says so (<c>{"items":[null]}</c> used to reach a handler and fail there). No slice carries validation code
/// for this; an unavoidable exception to a length is a <c>[MaxLength(n)]</c> on the property. The same rules
/// become <c>maxLength</c> in the OpenAPI document (<see cref="AddMaxLength"/>).
/// </summary>
internal static class JsonInputPolicy
{
    public static void Apply(JsonSerializerOptions options)
    {
        // An explicit null for a property that is not nullable is refused with its path instead of reaching a handler.
        options.RespectNullableAnnotations = true;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Modify);
    }

    private static void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Assembly == typeof(object).Assembly) return;
        var checks = info.Properties.Select(CheckFor).OfType<Action<object, string>>().ToArray();
        if (checks.Length == 0) return;
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var check in checks) check(value, "");
        };
    }

    /// <summary>The check of one property, or null when the policy has nothing to say about it.</summary>
    private static Action<object, string>? CheckFor(JsonPropertyInfo property)
    {
        if (property.Get is not { } get) return null;
        var name = property.Name;
        if (property.PropertyType == typeof(string))
        {
            var (max, lineBreaks) = TextPolicy.RuleFor(property.AttributeProvider, name);
            return (owner, _) =>
            {
                if (get(owner) is string text && TextPolicy.Violation(text, max, lineBreaks) is { } violation)
                    throw new JsonInputException("." + name, violation);
            };
        }
        if (ElementType(property.PropertyType) is not { } element) return null;
        var nullsAllowed = element.IsValueType ? Nullable.GetUnderlyingType(element) is not null : ElementIsNullable(property);
        var strings = element == typeof(string);
        if (nullsAllowed && !strings) return null;
        var defaultMax = TextPolicy.MaxLength(TextClass.Default);
        return (owner, _) =>
        {
            if (get(owner) is not IEnumerable items) return;
            var index = 0;
            foreach (var item in items)
            {
                if (item is null && !nullsAllowed) throw new JsonInputException($".{name}[{index}]", "must not be null");
                if (strings && item is string text && TextPolicy.Violation(text, defaultMax, lineBreaks: false) is { } violation)
                    throw new JsonInputException($".{name}[{index}]", violation);
                index++;
            }
        };
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>)
               || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(HashSet<>)
               || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static bool ElementIsNullable(JsonPropertyInfo property)
    {
        var context = new NullabilityInfoContext();
        var info = property.AttributeProvider switch
        {
            PropertyInfo p => context.Create(p),
            FieldInfo f => context.Create(f),
            _ => null,
        };
        if (info is null) return true;
        var element = info.ElementType ?? info.GenericTypeArguments.FirstOrDefault();
        return element is null || element.ReadState != NullabilityState.NotNull;
    }

    /// <summary>Documents each string property's maximum length in the OpenAPI document, from the same rules.</summary>
    public static Task AddMaxLength(Microsoft.OpenApi.OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        if (context.JsonPropertyInfo is { } property && property.PropertyType == typeof(string))
            schema.MaxLength = TextPolicy.RuleFor(property.AttributeProvider, property.Name).MaxLength;
        return Task.CompletedTask;
    }
}

/// <summary>A JSON value the input policy refuses; the serializer adds the path of the object holding it.</summary>
internal sealed class JsonInputException(string relativePath, string reason) : JsonException(reason)
{
    public string RelativePath { get; } = relativePath;
    public string Reason { get; } = reason;
}
