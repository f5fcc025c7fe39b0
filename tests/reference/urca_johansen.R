# Reference values for tests/test_timeseries.py: Johansen statistics from R's urca (Pfaff 2008).
#
# Usage: Rscript tests/reference/urca_johansen.R <path to statsmodels' test_coint.csv>
# (statsmodels/tsa/vector_ar/tests/Matlab_results/test_coint.csv). Run with urca 1.3-3 from
# Debian's r-cran-urca 1.3-3-1; the printed numbers are copied into URCA in the test module.
# ca.jo's ecdet "none" is helpers.timeseries.johansen's case "c" (an unrestricted constant),
# "const" is "rc" and "trend" is "rt"; K = 3 levels lags is k_ar_diff = 2; season = 4 adds
# centred quarterly dummies.
suppressMessages(library(urca))
args <- commandArgs(trailingOnly = TRUE)
x <- as.matrix(read.table(args[1]))
colnames(x) <- paste0("y", 1:8)
for (ecdet in c("none", "const", "trend")) for (season in c(0, 4)) {
  s <- if (season == 0) NULL else season
  tr <- ca.jo(x, type = "trace", ecdet = ecdet, K = 3, spec = "transitory", season = s)
  me <- ca.jo(x, type = "eigen", ecdet = ecdet, K = 3, spec = "transitory", season = s)
  cat(sprintf('("%s", %d): {\n', ecdet, season))
  cat("    \"trace\": [", paste(format(rev(tr@teststat), digits = 15), collapse = ", "), "],\n")
  cat("    \"max_eig\": [", paste(format(rev(me@teststat), digits = 15), collapse = ", "), "],\n")
  cat("    \"vector\": [", paste(format(tr@V[, 1], digits = 15), collapse = ", "), "],\n")
  cat("},\n")
}
