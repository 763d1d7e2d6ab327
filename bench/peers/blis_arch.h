// blis_pick_arch applies EMBER_BLIS_ARCH, a BLIS configuration named as
// BLIS names it ("skx", "zen3", "haswell"), by setting BLIS_ARCH_TYPE to
// that configuration's number in the library at hand (the numbers differ
// between BLIS versions; the names do not). It does nothing when
// BLIS_ARCH_TYPE is set already or EMBER_BLIS_ARCH is not, and must run
// before the first BLIS call: BLIS reads BLIS_ARCH_TYPE once. A name this
// BLIS does not know is an error (1), not a silent fallback; 0 otherwise.
// (A name BLIS knows but this build lacks, say "knl" on Debian's, passes
// here and makes BLIS abort at its first call, naming BLIS_ARCH_TYPE.)
//
// Why: BLIS 0.9 (Debian 12) chooses its kernels by CPU model and knows no
// CPU newer than 2021. On AMD Zen 5 (family 26) it falls back to its
// portable C kernels, 41 GFLOP/s where its skx kernels run 205–218 on one
// core, so a comparison against the default would flatter ember.
// common.sh (pick_blis_arch) sets EMBER_BLIS_ARCH from /proc/cpuinfo.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <blis.h>

static int blis_pick_arch(void) {
  const char *want = getenv("EMBER_BLIS_ARCH");
  if (!want || !*want || getenv("BLIS_ARCH_TYPE"))
    return 0;
  for (int id = 0; id < BLIS_NUM_ARCHS; id++) {
    const char *name = bli_arch_string((arch_t)id);
    if (name && strcmp(name, want) == 0) {
      char num[16];
      snprintf(num, sizeof num, "%d", id);
      setenv("BLIS_ARCH_TYPE", num, 1);
      return 0;
    }
  }
  fprintf(stderr, "EMBER_BLIS_ARCH=%s: this BLIS (%s) has no configuration of that name\n", want, bli_info_get_version_str());
  return 1;
}
