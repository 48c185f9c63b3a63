namespace Intranet.Tests.Infrastructure;

/// <summary>The repository's own files, for tests that check the sources themselves.</summary>
public static class RepositoryFiles
{
    /// <summary>The folder that holds Intranet.sln, found upward from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Hand-written C# and Razor files under <paramref name="folder"/> (relative to the root), without build output or migrations.</summary>
    public static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>A path relative to the root, with forward slashes, as a message names it.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Intranet.sln"))) return dir.FullName;
        throw new InvalidOperationException("Intranet.sln not found above " + AppContext.BaseDirectory);
    }
}
