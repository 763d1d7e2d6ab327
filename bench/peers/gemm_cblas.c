// OpenBLAS peer of `go run ./cmd/bench -suite gemm`: times cblas_sgemm or
// cblas_dgemm (row-major, alpha = 1, beta = 0, random data in [-1, 1)) on
// one shape at one thread count and prints one record in the harness's
// format (see cmd/bench/record.go), JSON Lines or a CSV row.
//
// usage: gemm_cblas [-csv] s|d M N K TA TB THREADS [SAMPLES [TARGET_MS]]
//   TA, TB   N or T (op(A) is M×K, op(B) is K×N, as in the harness's shape)
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

extern char *openblas_get_corename(void);
extern char *openblas_get_config(void);
extern void openblas_set_num_threads(int);

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

static void call(void) {
  if (dbl)
    cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, A, lda, B, ldb, 0.0, C, n);
  else
    cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1.0f, A, lda, B, ldb, 0.0f, C, n);
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
  openblas_set_num_threads(threads);
  lda = ta == CblasNoTrans ? k : m;
  ldb = tb == CblasNoTrans ? n : k;
  srand(1);
  A = random_matrix((size_t)m * k);
  B = random_matrix((size_t)k * n);
  C = random_matrix((size_t)m * n);

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
  double flops = 2.0 * m * n * k;
  double spread = 100 * (t[samples - 1] - t[0]) / med;
  char shape[96], note[320];
  snprintf(shape, sizeof shape, "%dx%dx%d %s%s", m, n, k, argv[5], argv[6]);
  const char *coretype = getenv("OPENBLAS_CORETYPE");
  snprintf(note, sizeof note, "%s; kernels %s; OPENBLAS_CORETYPE=%s", openblas_get_config(), openblas_get_corename(),
           coretype && *coretype ? coretype : "unset");
  for (char *p = note; *p; p++)
    if (*p == '"' || *p == '\\' || *p == ',') *p = ' ';
  if (csv)
    printf("gemm,%cgemm,openblas,%s,%d,%.9g,%.9g,GFLOP/s,%.4g,%d,0,0,%s\n", dbl ? 'd' : 's', shape, threads,
           med, flops / med, spread, samples, note);
  else
    printf("{\"suite\":\"gemm\",\"kernel\":\"%cgemm\",\"level\":\"openblas\",\"shape\":\"%s\",\"threads\":%d,"
           "\"ns_per_op\":%.9g,\"rate\":%.9g,\"unit\":\"GFLOP/s\",\"spread_pct\":%.4g,\"samples\":%d,\"note\":\"%s\"}\n",
           dbl ? 'd' : 's', shape, threads, med, flops / med, spread, samples, note);
  return 0;
}
