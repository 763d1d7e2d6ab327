// GEMM peer of `go run ./cmd/bench -suite gemm`: times cblas_sgemm or
// cblas_dgemm (row-major, alpha = 1, beta = 0, random data in [-1, 1)) on
// one shape at one thread count and prints one record in the harness's
// format (see cmd/bench/record.go), JSON Lines or a CSV row.
//
// Built against OpenBLAS (level "openblas") or, with -DPEER_BLIS, against
// BLIS (level "blis"). When M == 1 or N == 1 the product is a
// matrix-vector one, and a second record times the same product as
// cblas_sgemv/cblas_dgemv (level "openblas-gemv" or "blis-gemv", same kernel
// and shape string, so that the harness's report puts it beside the GEMM
// figures): y = x·op(B) as op(B)ᵀx when M == 1, y = op(A)·x when N == 1.
//
// usage: gemm_cblas [-csv] s|d M N K TA TB THREADS [SAMPLES [TARGET_MS]]
//   TA, TB   N or T (op(A) is M×K, op(B) is K×N, as in the harness's shape)
//   THREADS  the library's thread count (openblas_set_num_threads; BLIS:
//            bli_thread_set_num_threads, as BLIS_NUM_THREADS would)
//   SAMPLES  timed samples, median reported (default 7)
//   TARGET_MS least duration of one sample (default 25); fast calls repeat
//
// Timing follows the harness: a warm-up, a repetition count that makes a
// sample last TARGET_MS, then SAMPLES samples; ns_per_op is the median,
// spread_pct (slowest - fastest) / median.
#define _GNU_SOURCE
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef PEER_BLIS
#include "blis_arch.h"
#define PEER "blis"
#else
#define PEER "openblas"
extern char *openblas_get_corename(void);
extern char *openblas_get_config(void);
extern void openblas_set_num_threads(int);
#endif

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return 1e9 * t.tv_sec + t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static int dbl, m, n, k, lda, ldb;
static enum CBLAS_TRANSPOSE ta, tb;
static void *A, *B, *C;

static void gemm(void) {
  if (dbl)
    cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, A, lda, B, ldb, 0.0, C, n);
  else
    cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1.0f, A, lda, B, ldb, 0.0f, C, n);
}

// gemv is the same product as gemm when M == 1 or N == 1. The vector is
// contiguous whatever its transpose: a 1×K row with ld K, or a K×1 column
// with ld 1. M == 1: y(1×N) = x·op(B) = op(B)ᵀx, with B stored K×N (NoTrans)
// or N×K (Trans). N == 1: y(M×1) = op(A)·x, with A stored M×K or K×M.
static void gemv(void) {
  enum CBLAS_TRANSPOSE t;
  int rows, cols, ld;
  void *mat, *x;
  if (m == 1) {
    t = tb == CblasNoTrans ? CblasTrans : CblasNoTrans;
    rows = tb == CblasNoTrans ? k : n, cols = tb == CblasNoTrans ? n : k, ld = ldb;
    mat = B, x = A;
  } else {
    t = ta;
    rows = ta == CblasNoTrans ? m : k, cols = ta == CblasNoTrans ? k : m, ld = lda;
    mat = A, x = B;
  }
  if (dbl)
    cblas_dgemv(CblasRowMajor, t, rows, cols, 1.0, mat, ld, x, 1, 0.0, C, 1);
  else
    cblas_sgemv(CblasRowMajor, t, rows, cols, 1.0f, mat, ld, x, 1, 0.0f, C, 1);
}

static void *random_matrix(size_t count) {
  size_t es = dbl ? 8 : 4;
  char *p = aligned_alloc(64, (count * es + 63) / 64 * 64);
  if (!p) {
    perror("gemm_cblas");
    exit(1);
  }
  for (size_t i = 0; i < count; i++) {
    double v = rand() / ((double)RAND_MAX + 1) * 2 - 1;
    if (dbl)
      ((double *)p)[i] = v;
    else
      ((float *)p)[i] = (float)v;
  }
  return p;
}

static int parse_trans(const char *s, enum CBLAS_TRANSPOSE *t) {
  if (strcmp(s, "N") == 0) *t = CblasNoTrans;
  else if (strcmp(s, "T") == 0) *t = CblasTrans;
  else return 0;
  return 1;
}

// measure times call as the harness does and returns the median time of
// one call in ns; *spread gets (slowest - fastest) / median in percent.
static double measure(void (*call)(void), int samples, double target, double *spread) {
  // Warm-up, and the cost of one call: double the batch until it takes
  // half the target.
  double t0 = now_ns();
  call();
  double per = now_ns() - t0;
  long reps = 1;
  while (per * reps < target / 2 && reps < (1L << 30)) {
    reps *= 2;
    double s = now_ns();
    for (long i = 0; i < reps; i++) call();
    per = (now_ns() - s) / reps;
  }
  reps = (long)(target / per + 0.5);
  if (reps < 1) reps = 1;
  double *t = malloc(sizeof(double) * samples);
  for (int s = 0; s < samples; s++) {
    double a = now_ns();
    for (long i = 0; i < reps; i++) call();
    t[s] = (now_ns() - a) / reps;
  }
  qsort(t, samples, sizeof(double), cmp);
  double med = samples % 2 ? t[samples / 2] : (t[samples / 2 - 1] + t[samples / 2]) / 2;
  *spread = 100 * (t[samples - 1] - t[0]) / med;
  free(t);
  return med;
}

static void print_record(int csv, const char *level, const char *shape, int threads, double med, double spread,
                         int samples, char *note) {
  double flops = 2.0 * m * n * k;
  for (char *p = note; *p; p++)
    if (*p == '"' || *p == '\\' || *p == ',') *p = ' ';
  if (csv)
    printf("gemm,%cgemm,%s,%s,%d,%.9g,%.9g,GFLOP/s,%.4g,%d,0,0,%s\n", dbl ? 'd' : 's', level, shape, threads, med,
           flops / med, spread, samples, note);
  else
    printf("{\"suite\":\"gemm\",\"kernel\":\"%cgemm\",\"level\":\"%s\",\"shape\":\"%s\",\"threads\":%d,"
           "\"ns_per_op\":%.9g,\"rate\":%.9g,\"unit\":\"GFLOP/s\",\"spread_pct\":%.4g,\"samples\":%d,\"note\":\"%s\"}\n",
           dbl ? 'd' : 's', level, shape, threads, med, flops / med, spread, samples, note);
}

int main(int argc, char **argv) {
  int csv = 0;
  if (argc > 1 && strcmp(argv[1], "-csv") == 0) {
    csv = 1;
    argc--, argv++;
  }
  if (argc < 8 || argc > 10 || (argv[1][0] != 's' && argv[1][0] != 'd') || argv[1][1] ||
      !parse_trans(argv[5], &ta) || !parse_trans(argv[6], &tb)) {
    fprintf(stderr, "usage: gemm_cblas [-csv] s|d M N K N|T N|T THREADS [SAMPLES [TARGET_MS]]\n");
    return 2;
  }
  dbl = argv[1][0] == 'd';
  m = atoi(argv[2]), n = atoi(argv[3]), k = atoi(argv[4]);
  int threads = atoi(argv[7]);
  int samples = argc > 8 ? atoi(argv[8]) : 7;
  double target = (argc > 9 ? atof(argv[9]) : 25) * 1e6;
  if (m < 1 || n < 1 || k < 1 || threads < 1 || samples < 1 || target <= 0) {
    fprintf(stderr, "gemm_cblas: sizes, THREADS, SAMPLES and TARGET_MS must be positive\n");
    return 2;
  }
  char note[400];
#ifdef PEER_BLIS
  if (blis_pick_arch() != 0)
    return 2;
  bli_thread_set_num_threads(threads);
  snprintf(note, sizeof note, "BLIS %s; kernels %s; %d thread(s)", bli_info_get_version_str(),
           bli_arch_string(bli_arch_query_id()), threads);
#else
  openblas_set_num_threads(threads);
  const char *coretype = getenv("OPENBLAS_CORETYPE");
  snprintf(note, sizeof note, "%s; kernels %s; OPENBLAS_CORETYPE=%s", openblas_get_config(), openblas_get_corename(),
           coretype && *coretype ? coretype : "unset");
#endif
  lda = ta == CblasNoTrans ? k : m;
  ldb = tb == CblasNoTrans ? n : k;
  srand(1);
  A = random_matrix((size_t)m * k);
  B = random_matrix((size_t)k * n);
  C = random_matrix((size_t)m * n);

  char shape[96];
  snprintf(shape, sizeof shape, "%dx%dx%d %s%s", m, n, k, argv[5], argv[6]);
  double spread, med = measure(gemm, samples, target, &spread);
  print_record(csv, PEER, shape, threads, med, spread, samples, note);
  if (m == 1 || n == 1) {
    char gnote[sizeof note + 64];
    snprintf(gnote, sizeof gnote, "cblas_%cgemv: %s; %s", dbl ? 'd' : 's', m == 1 ? "y = x·op(B) as op(B)ᵀx" : "y = op(A)·x",
             note);
    // The same product, or it is not a peer of the same shape: C from
    // gemm against C from gemv, within a bound far above rounding.
    size_t es = dbl ? 8 : 4, count = (size_t)m * n;
    void *want = malloc(count * es);
    gemm();
    memcpy(want, C, count * es);
    memset(C, 0, count * es);
    gemv();
    double tol = k * (dbl ? 1e-13 : 1e-5);
    for (size_t i = 0; i < count; i++) {
      double w = dbl ? ((double *)want)[i] : ((float *)want)[i], g = dbl ? ((double *)C)[i] : ((float *)C)[i];
      if (!(w - g <= tol && g - w <= tol)) {
        fprintf(stderr, "gemm_cblas: %s: gemv's C[%zu] = %g, gemm's %g\n", shape, i, g, w);
        return 1;
      }
    }
    free(want);
    med = measure(gemv, samples, target, &spread);
    print_record(csv, PEER "-gemv", shape, threads, med, spread, samples, gnote);
  }
  return 0;
}
