using BenchmarkDotNet.Running;

// Run all benchmarks: dotnet run -c Release --project bench/Upward.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
