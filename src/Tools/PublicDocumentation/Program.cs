using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// Writes a copy of an assembly's XML documentation that holds only the members a user of the assembly can see.
//
// The compiler documents every member that has a doc comment, internal and private ones included (the runtime's
// kernels document their papers and algorithms for contributors), and has no option to do otherwise. The package must
// not ship those: its XML is what a user's editor and documentation tools read. Visibility and each member's
// documentation id come from Roslyn's own symbols of the compiled assembly (GetDocumentationCommentId), so they follow
// the compiler's rules exactly.
//
// Usage: PublicDocumentation <assembly.dll> <documentation.xml> <output.xml> <references.txt (one path a line)>

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: PublicDocumentation <assembly.dll> <documentation.xml> <output.xml> <references.txt>");
    return 2;
}

string assemblyPath = args[0], documentationPath = args[1], outputPath = args[2];
var references = File.ReadAllLines(args[3]).Where(l => l.Length > 0 && File.Exists(l)).Select(p => MetadataReference.CreateFromFile(p)).ToList();
var assemblyReference = MetadataReference.CreateFromFile(assemblyPath);
var compilation = CSharpCompilation.Create("PublicDocumentation", references: references.Append(assemblyReference));
if (compilation.GetAssemblyOrModuleSymbol(assemblyReference) is not IAssemblySymbol assembly)
{
    Console.Error.WriteLine($"PublicDocumentation: cannot read {assemblyPath}");
    return 1;
}

var visible = new HashSet<string>(StringComparer.Ordinal);
Collect(assembly.GlobalNamespace, visible);

XDocument xml = XDocument.Load(documentationPath, LoadOptions.PreserveWhitespace);
var hidden = xml.Descendants("member").Where(m => !visible.Contains((string?)m.Attribute("name") ?? "")).ToList();
foreach (XElement member in hidden)
{
    if (member.PreviousNode is XText indentation && string.IsNullOrWhiteSpace(indentation.Value))
        indentation.Remove();
    member.Remove();
}

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
using (var writer = XmlWriter.Create(outputPath, new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) }))
{
    xml.Save(writer);
}

Console.WriteLine($"PublicDocumentation: {Path.GetFileName(outputPath)} keeps {xml.Descendants("member").Count()} members; {hidden.Count} that a user cannot see were left out.");
return 0;

static void Collect(INamespaceOrTypeSymbol container, HashSet<string> visible)
{
    foreach (ISymbol member in container.GetMembers())
    {
        if (member is INamespaceSymbol ns)
        {
            Collect(ns, visible);
            continue;
        }

        if (!IsVisible(member.DeclaredAccessibility) || member.IsImplicitlyDeclared)
            continue;
        if (member.GetDocumentationCommentId() is { } id)
            visible.Add(id);
        if (member is INamedTypeSymbol type)
            Collect(type, visible);
    }
}

// What code outside the assembly can reach: public, and protected members of types it can derive from.
static bool IsVisible(Accessibility accessibility) =>
    accessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;
