#!/bin/bash
# Queues a sharded Haircut run on Slurm: an array job of n shards and a merge job that waits for all of them.
#   deploy/slurm/submit.sh PARAMS.json PATHS SHARDS [SEED]
# A sweep: HAIRCUT_COMMAND=sweep HAIRCUT_ARGS='--param insuranceFund.initial --from 0 --to 5000000 --points 30'.
# Environment: HAIRCUT_DIR (default: this checkout), HAIRCUT_PARTS (default: ./haircut-parts-<time>),
# HAIRCUT_RESULT (default: $HAIRCUT_PARTS/result.json); extra sbatch options in SBATCH_OPTS (e.g. --partition=cpu).
# Prints the two job ids; the merged JSON lands in $HAIRCUT_RESULT.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 PARAMS.json PATHS SHARDS [SEED]" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
export HAIRCUT_DIR="${HAIRCUT_DIR:-$(cd "$here/../.." && pwd)}"
export HAIRCUT_PARAMS="$(realpath "$1")"
export HAIRCUT_PATHS="$2"
shards="$3"
export HAIRCUT_SEED="${4:-1}"
export HAIRCUT_PARTS="$(realpath -m "${HAIRCUT_PARTS:-haircut-parts-$(date +%Y%m%d-%H%M%S)}")"
export HAIRCUT_RESULT="${HAIRCUT_RESULT:-$HAIRCUT_PARTS/result.json}"
export HAIRCUT_COMMAND="${HAIRCUT_COMMAND:-simulate}" HAIRCUT_ARGS="${HAIRCUT_ARGS:-}"
mkdir -p "$HAIRCUT_PARTS"

# shellcheck disable=SC2086  # SBATCH_OPTS is a list of options
array=$(sbatch --parsable ${SBATCH_OPTS:-} --export=ALL --array="1-$shards" --chdir="$HAIRCUT_PARTS" "$here/haircut-shard.sbatch")
array="${array%%;*}"
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTS:-} --export=ALL --dependency="afterok:$array" --kill-on-invalid-dep=yes --chdir="$HAIRCUT_PARTS" "$here/haircut-merge.sbatch")
merge="${merge%%;*}"
echo "array job $array ($shards shards), merge job $merge -> $HAIRCUT_RESULT"
echo "$array $merge" > "$HAIRCUT_PARTS/jobs"
