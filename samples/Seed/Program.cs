using System;

Console.WriteLine("Diff: the seed notebook, cell by cell");
