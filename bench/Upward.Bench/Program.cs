using BenchmarkDotNet.Running;
using Upward.Bench;

// Run all benchmarks: dotnet run -c Release --project bench/Upward.Bench -- --filter '*'
// Write a generated matching instance for end-to-end timing of `upward match`:
//   dotnet run -c Release --project bench/Upward.Bench -- --generate national|region|scarce PATH
if (args is ["--generate", var name, var path])
{
    var instance = name switch
    {
        "national" => MatchingInstances.National(),
        "region" => MatchingInstances.Region(),
        "scarce" => MatchingInstances.Scarce(),
        _ => throw new ArgumentException($"unknown instance '{name}'; use national, region or scarce"),
    };
    MatchingInstances.WriteJson(instance, path);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(NotificationBenchmarks).Assembly).Run(args);
return 0;
