using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Threading.Tasks;

namespace Diff.Kernels;

/// <summary>
/// Blocked real matrix multiply C += A·B on row-major <see cref="double"/> storage, after
/// Goto &amp; van de Geijn, "Anatomy of high-performance matrix multiplication",
/// ACM TOMS 34(3), 2008, with the 6×8 AVX2 micro-tile of BLIS's haswell dgemm kernel
/// (Van Zee &amp; van de Geijn, ACM TOMS 41(3), 2015).
/// </summary>
/// <remarks>
/// <para>
/// Same loop nest as <see cref="ComplexGemmKernel"/>: B is packed per <see cref="KC"/>×<see cref="NC"/>
/// block into <see cref="NR"/>-wide micro-panels, A per <see cref="MC"/>×KC block into
/// <see cref="MR"/>-tall micro-panels, and each MR×NR tile of C is a rank-kc update held in registers.
/// </para>
/// <para>
/// Micro-tile 6×8: 12 accumulators (6 rows × two ymm registers of 4 doubles), two B vectors and
/// one broadcast: 15 of the 16 ymm registers; per k, 12 FMAs against 2 loads and 6 broadcasts.
/// </para>
/// <para>
/// Why not a library: MathNet's managed provider multiplies real 256×256 matrices at about
/// 1.6 GFLOP/s on one core of the development machine (AMD EPYC, Zen 3), more than ten times slower
/// than this kernel, and a native MKL/OpenBLAS provider is not assumed to be installed.
/// </para>
/// </remarks>
[SkipLocalsInit]
internal static unsafe class RealGemmKernel
{
    /// <summary>Rows of a micro-tile.</summary>
    internal const int MR = 6;

    /// <summary>Columns of a micro-tile (two ymm registers).</summary>
    internal const int NR = 8;

    /// <summary>Depth of a packed slice: a B micro-panel is KC·NR·8 bytes = 16 KiB, half of L1.</summary>
    internal const int KC = 256;

    /// <summary>Rows of a packed A block (a multiple of MR): MC·KC·8 bytes = 288 KiB, within the 512 KiB L2.</summary>
    internal const int MC = 144;

    /// <summary>Columns of a packed B block: KC·NC·8 bytes = 4 MiB, within L3.</summary>
    internal const int NC = 2048;

    /// <summary>Packing buffers up to this many doubles (64 KiB) live on the stack.</summary>
    private const int StackLimit = 8192;

    /// <summary>True when the AVX2/FMA micro-kernel can run on this machine.</summary>
    internal static bool SimdSupported => Fma.IsSupported && Avx2.IsSupported;

    /// <summary>
    /// C (m×n, row stride ldc) += A (m×k, row stride lda) · B (k×n, row stride ldb) on one thread.
    /// <paramref name="simd"/> false forces the portable scalar micro-kernel (same packing and blocking).
    /// </summary>
    public static void MultiplyAdd(double* a, int lda, double* b, int ldb, double* c, int ldc, int m, int k, int n, bool simd)
    {
        if (m <= 0 || n <= 0 || k <= 0)
            return;
        simd &= SimdSupported;

        int kcMax = Math.Min(k, KC);
        int mcMax = Math.Min(RoundUp(m, MR), MC);
        int ncMax = Math.Min(RoundUp(n, NR), NC);
        int aLen = mcMax * kcMax;
        int bLen = ncMax * kcMax;

        if (aLen + bLen <= StackLimit)
        {
            double* buffer = stackalloc double[aLen + bLen];
            Blocked(a, lda, b, ldb, c, ldc, m, k, n, buffer, buffer + aLen, simd);
            return;
        }

        double[] rented = ArrayPool<double>.Shared.Rent(aLen + bLen + 4);
        try
        {
            fixed (double* p = rented)
            {
                // Align the panels to 32 bytes so the B loads never split a cache line.
                double* aligned = (double*)(((nint)p + 31) & ~(nint)31);
                Blocked(a, lda, b, ldb, c, ldc, m, k, n, aligned, aligned + aLen, simd);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;

    private static void Blocked(double* a, int lda, double* b, int ldb, double* c, int ldc, int m, int k, int n,
        double* aPack, double* bPack, bool simd)
    {
        for (int jc = 0; jc < n; jc += NC)
        {
            int nc = Math.Min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                PackB(b + (nint)pc * ldb + jc, ldb, kc, nc, bPack);
                for (int ic = 0; ic < m; ic += MC)
                {
                    int mc = Math.Min(MC, m - ic);
                    PackA(a + (nint)ic * lda + pc, lda, mc, kc, aPack);
                    MacroKernel(kc, mc, nc, aPack, bPack, c + (nint)ic * ldc + jc, ldc, simd);
                }
            }
        }
    }

    /// <summary>
    /// C += A·B on several threads, BLIS-style: each KC×NC slice of B is packed once and shared, and
    /// the row blocks of A (at most <see cref="MC"/> rows, at least two per thread so that a thread
    /// slowed by other work is made up for by the others) are handed out by <c>Parallel.For</c>,
    /// each thread packing its blocks of A into its own buffer.
    /// </summary>
    public static void MultiplyAddParallel(double* a, int lda, double* b, int ldb, double* c, int ldc, int m, int k, int n, bool simd, int maxThreads)
    {
        if (m <= 0 || n <= 0 || k <= 0)
            return;
        simd &= SimdSupported;
        int kcMax = Math.Min(k, KC);
        int ncMax = Math.Min(RoundUp(n, NR), NC);
        int mcBlock = Math.Min(MC, RoundUp((m + 2 * maxThreads - 1) / (2 * maxThreads), MR));
        int blocks = (m + mcBlock - 1) / mcBlock;
        nuint aBytes = (nuint)(mcBlock * kcMax) * sizeof(double);
        double* bPack = (double*)NativeMemory.AlignedAlloc((nuint)(ncMax * kcMax) * sizeof(double), 64);
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads };
            nint pa = (nint)a, pb = (nint)bPack, pcOut = (nint)c;
            for (int jc = 0; jc < n; jc += NC)
            {
                int nc = Math.Min(NC, n - jc);
                for (int pc = 0; pc < k; pc += KC)
                {
                    int kc = Math.Min(KC, k - pc);
                    PackB(b + (nint)pc * ldb + jc, ldb, kc, nc, bPack);
                    int jcAt = jc, pcAt = pc;
                    Parallel.For(0, blocks, options,
                        () => (nint)NativeMemory.AlignedAlloc(aBytes, 64),
                        (block, _, aPack) =>
                        {
                            int ic = block * mcBlock;
                            int mc = Math.Min(mcBlock, m - ic);
                            PackA((double*)pa + (nint)ic * lda + pcAt, lda, mc, kc, (double*)aPack);
                            MacroKernel(kc, mc, nc, (double*)aPack, (double*)pb, (double*)pcOut + (nint)ic * ldc + jcAt, ldc, simd);
                            return aPack;
                        },
                        aPack => NativeMemory.AlignedFree((void*)aPack));
                }
            }
        }
        finally
        {
            NativeMemory.AlignedFree(bPack);
        }
    }

    /// <summary>The micro-tile sweep over one packed block: C (mc×nc) += packed A (mc×kc) · packed B (kc×nc).</summary>
    private static void MacroKernel(int kc, int mc, int nc, double* aPack, double* bPack, double* c, int ldc, bool simd)
    {
        double* edge = stackalloc double[MR * NR];
        for (int jr = 0; jr < nc; jr += NR)
        {
            int nr = Math.Min(NR, nc - jr);
            double* bPanel = bPack + jr * kc;
            for (int ir = 0; ir < mc; ir += MR)
            {
                int mr = Math.Min(MR, mc - ir);
                double* aPanel = aPack + ir * kc;
                double* cTile = c + (nint)ir * ldc + jr;
                if (mr == MR && nr == NR)
                {
                    MicroTile(kc, aPanel, bPanel, cTile, ldc, simd);
                }
                else
                {
                    // Edge tile: compute the full tile into a scratch tile, add the valid part.
                    new Span<double>(edge, MR * NR).Clear();
                    MicroTile(kc, aPanel, bPanel, edge, NR, simd);
                    for (int i = 0; i < mr; i++)
                        for (int j = 0; j < nr; j++)
                            cTile[(nint)i * ldc + j] += edge[i * NR + j];
                }
            }
        }
    }

    private static void MicroTile(int kc, double* aPanel, double* bPanel, double* c, int ldc, bool simd)
    {
        if (simd)
            MicroKernelAvx2(kc, aPanel, bPanel, c, ldc);
        else
            MicroKernelScalar(kc, aPanel, bPanel, c, ldc);
    }

    /// <summary>Packs rows [0, mc) × columns [0, kc) of A into MR-row micro-panels (for each k, MR values); rows past mc are zero.</summary>
    private static void PackA(double* a, int lda, int mc, int kc, double* dst)
    {
        for (int ir = 0; ir < mc; ir += MR)
        {
            int mr = Math.Min(MR, mc - ir);
            for (int i = 0; i < MR; i++)
            {
                double* col = dst + i;
                if (i < mr)
                {
                    double* src = a + (nint)(ir + i) * lda;
                    for (int p = 0; p < kc; p++)
                        col[MR * p] = src[p];
                }
                else
                {
                    for (int p = 0; p < kc; p++)
                        col[MR * p] = 0;
                }
            }
            dst += MR * kc;
        }
    }

    /// <summary>Packs rows [0, kc) × columns [0, nc) of B into NR-column micro-panels (for each k, NR values); columns past nc are zero.</summary>
    private static void PackB(double* b, int ldb, int kc, int nc, double* dst)
    {
        for (int jr = 0; jr < nc; jr += NR)
        {
            int nr = Math.Min(NR, nc - jr);
            for (int p = 0; p < kc; p++)
            {
                double* src = b + (nint)p * ldb + jr;
                double* row = dst + NR * p;
                if (nr == NR)
                {
                    Vector256.Store(Vector256.Load(src), row);
                    Vector256.Store(Vector256.Load(src + 4), row + 4);
                }
                else
                {
                    for (int j = 0; j < NR; j++)
                        row[j] = j < nr ? src[j] : 0;
                }
            }
            dst += NR * kc;
        }
    }

    /// <summary>The 6×8 AVX2/FMA micro-kernel: C (row stride <paramref name="ldc"/>) += A panel · B panel over <paramref name="kc"/> steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernelAvx2(int kc, double* a, double* b, double* c, int ldc)
    {
        Vector256<double> c00 = Vector256<double>.Zero, c01 = Vector256<double>.Zero;
        Vector256<double> c10 = Vector256<double>.Zero, c11 = Vector256<double>.Zero;
        Vector256<double> c20 = Vector256<double>.Zero, c21 = Vector256<double>.Zero;
        Vector256<double> c30 = Vector256<double>.Zero, c31 = Vector256<double>.Zero;
        Vector256<double> c40 = Vector256<double>.Zero, c41 = Vector256<double>.Zero;
        Vector256<double> c50 = Vector256<double>.Zero, c51 = Vector256<double>.Zero;

        // Unrolled by two: the loop overhead is amortized over 24 FMAs instead of 12.
        int p = 0;
        for (; p + 1 < kc; p += 2)
        {
            Step(a, b, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            Step(a + MR, b + NR, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            a += 2 * MR;
            b += 2 * NR;
        }
        if (p < kc)
            Step(a, b, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);

        AddRow(c, c00, c01);
        AddRow(c + ldc, c10, c11);
        AddRow(c + 2 * ldc, c20, c21);
        AddRow(c + 3 * ldc, c30, c31);
        AddRow(c + 4 * ldc, c40, c41);
        AddRow(c + 5 * ldc, c50, c51);
    }

    /// <summary>One rank-1 update of the 6×8 tile: row i of the tile += a[i]·b[0..8].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(double* a, double* b,
        ref Vector256<double> c00, ref Vector256<double> c01, ref Vector256<double> c10, ref Vector256<double> c11,
        ref Vector256<double> c20, ref Vector256<double> c21, ref Vector256<double> c30, ref Vector256<double> c31,
        ref Vector256<double> c40, ref Vector256<double> c41, ref Vector256<double> c50, ref Vector256<double> c51)
    {
        Vector256<double> b0 = Avx.LoadVector256(b);
        Vector256<double> b1 = Avx.LoadVector256(b + 4);
        Vector256<double> x;
        x = Avx.BroadcastScalarToVector256(a + 0);
        c00 = Fma.MultiplyAdd(x, b0, c00);
        c01 = Fma.MultiplyAdd(x, b1, c01);
        x = Avx.BroadcastScalarToVector256(a + 1);
        c10 = Fma.MultiplyAdd(x, b0, c10);
        c11 = Fma.MultiplyAdd(x, b1, c11);
        x = Avx.BroadcastScalarToVector256(a + 2);
        c20 = Fma.MultiplyAdd(x, b0, c20);
        c21 = Fma.MultiplyAdd(x, b1, c21);
        x = Avx.BroadcastScalarToVector256(a + 3);
        c30 = Fma.MultiplyAdd(x, b0, c30);
        c31 = Fma.MultiplyAdd(x, b1, c31);
        x = Avx.BroadcastScalarToVector256(a + 4);
        c40 = Fma.MultiplyAdd(x, b0, c40);
        c41 = Fma.MultiplyAdd(x, b1, c41);
        x = Avx.BroadcastScalarToVector256(a + 5);
        c50 = Fma.MultiplyAdd(x, b0, c50);
        c51 = Fma.MultiplyAdd(x, b1, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(double* c, Vector256<double> lo, Vector256<double> hi)
    {
        Avx.Store(c, Avx.Add(Avx.LoadVector256(c), lo));
        Avx.Store(c + 4, Avx.Add(Avx.LoadVector256(c + 4), hi));
    }

    /// <summary>The portable micro-kernel for machines without AVX2/FMA; same packed layout.</summary>
    private static void MicroKernelScalar(int kc, double* a, double* b, double* c, int ldc)
    {
        double* acc = stackalloc double[MR * NR];
        new Span<double>(acc, MR * NR).Clear();
        for (int p = 0; p < kc; p++)
        {
            for (int i = 0; i < MR; i++)
            {
                double ai = a[i];
                for (int j = 0; j < NR; j++)
                    acc[i * NR + j] += ai * b[j];
            }
            a += MR;
            b += NR;
        }
        for (int i = 0; i < MR; i++)
            for (int j = 0; j < NR; j++)
                c[(nint)i * ldc + j] += acc[i * NR + j];
    }
}
