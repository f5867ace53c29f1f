using System.Reflection;
using System.Xml.Linq;
using Recruitment.BuildingBlocks;
using Recruitment.Host.Hosting;
using Shouldly;
using Wolverine.Marten;
using Xunit;

namespace Recruitment.ArchitectureTests;

/// <summary>Module boundaries (ARCHITECTURE.md "Module boundaries"), checked on the compiled assemblies and the project files.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly ModuleInfo[] Modules = RecruitmentModules.All;
    private static readonly string[] ModuleNames = Modules.Select(m => m.Assembly.GetName().Name!).ToArray();

    public static TheoryData<string> ModuleAssemblies() => new(ModuleNames);

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void A_module_references_other_modules_only_through_their_contracts(string module)
    {
        var assembly = Modules.Single(m => m.Assembly.GetName().Name == module).Assembly;
        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        referenced.Where(r => ModuleNames.Contains(r) && r != module)
            .ShouldBeEmpty($"{module} uses another module's implementation; depend on its .Contracts instead");

        // The compiler drops references nothing uses, so the project file is checked too.
        var project = Path.Combine(RepositoryRoot(), "src", "Modules", module.Replace("Recruitment.", ""), module, module + ".csproj");
        var projectReferences = XDocument.Load(project).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value)).ToList();
        projectReferences.Where(r => ModuleNames.Contains(r) && r != module)
            .ShouldBeEmpty($"{project} references another module's implementation project");
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void Contracts_depend_on_no_module_implementation(string module)
    {
        var contracts = Assembly.Load(module + ".Contracts");
        contracts.GetReferencedAssemblies().Select(a => a.Name!).Where(ModuleNames.Contains).ShouldBeEmpty();
    }

    /// <summary>
    /// Implementation types are internal. The exceptions are forced by the frameworks and named:
    /// the module's registration class, its store marker interface (Marten emits a proxy for it),
    /// Wolverine handlers and the types in their public signatures (Wolverine generates code that
    /// calls them from another assembly), with the types of those messages' members (C# makes a
    /// public record's members public).
    /// </summary>
    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void Module_implementation_types_are_not_public(string module)
    {
        var info = Modules.Single(m => m.Assembly.GetName().Name == module);
        var handlers = info.Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal)).ToList();
        var handlerSignatureTypes = handlers
            .SelectMany(h => h.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
            .SelectMany(Flatten)
            .ToHashSet();
        var pending = new Queue<Type>(handlerSignatureTypes.Where(t => t.Assembly == info.Assembly));
        while (pending.TryDequeue(out var message))
            foreach (var member in message.GetProperties().SelectMany(p => Flatten(p.PropertyType)))
                if (member.Assembly == info.Assembly && handlerSignatureTypes.Add(member))
                    pending.Enqueue(member);

        var unexpected = info.Assembly.GetExportedTypes()
            .Where(t => t != info.StoreType
                        && !(t.IsAbstract && t.IsSealed && t.Name.EndsWith("Module", StringComparison.Ordinal))
                        && !handlers.Contains(t)
                        && !handlerSignatureTypes.Contains(t))
            .Select(t => t.FullName)
            .ToList();
        unexpected.ShouldBeEmpty("make these internal");
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void Every_handler_is_bound_to_its_modules_store(string module)
    {
        // STACK-NOTES pitfall 5: a handler with no store mapping fails only on its first message.
        var info = Modules.Single(m => m.Assembly.GetName().Name == module);
        foreach (var handler in info.Assembly.GetExportedTypes().Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal)))
        {
            var attribute = handler.GetCustomAttribute<MartenStoreAttribute>();
            attribute.ShouldNotBeNull($"{handler.FullName} needs [MartenStore(typeof({info.StoreType.Name}))]");
            attribute.StoreType.ShouldBe(info.StoreType, $"{handler.FullName} writes to another module's store");
        }
    }

    private static IEnumerable<Type> Flatten(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Append(type) : [type];

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Recruitment.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Recruitment.sln not found above " + AppContext.BaseDirectory);
    }
}
