global using System.Linq;
