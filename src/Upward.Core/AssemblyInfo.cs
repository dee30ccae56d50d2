// Upward.Core holds the programme's rules with no web or database dependency.
[assembly: System.CLSCompliant(false)]
