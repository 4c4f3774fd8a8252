#!/bin/bash
# npm run test:cluster — the Slurm recipe on a real Slurm, on this machine (opt-in; not part of npm test).
# Installs Debian's slurm-wlm and munge when missing, starts a private munged, slurmctld and slurmd on localhost
# (generated config, own ports, socket and state under a temporary directory), submits the array job and its
# dependent merge job with deploy/slurm/submit.sh, waits, and compares the merged JSON byte for byte with the
# unsharded `simulate --json`; then the same for a 6-point `sweep` split into 3 shards. Stops the daemons it
# started (by their pid files) whatever happens.
# Needs root (apt-get, slurmd). Settings: HAIRCUT_CLUSTER_PATHS (default 2000), HAIRCUT_CLUSTER_SHARDS (4),
# HAIRCUT_CLUSTER_ACCOUNTS (500), HAIRCUT_CLUSTER_KEEP=1 keeps the temporary directory for inspection.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
paths="${HAIRCUT_CLUSTER_PATHS:-2000}"
shards="${HAIRCUT_CLUSTER_SHARDS:-4}"
accounts="${HAIRCUT_CLUSTER_ACCOUNTS:-500}"
t_start=$(date +%s)
say() { echo "[test:cluster $(($(date +%s) - t_start)) s] $*"; }

if [ "$(id -u)" != 0 ]; then
  echo "test:cluster needs root: it installs packages and runs slurmd" >&2
  exit 2
fi
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
  say "installing slurm-wlm and munge"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends slurm-wlm munge
fi

work="$(mktemp -d /tmp/haircut-slurm-XXXXXX)"
chmod 700 "$work"
started=()
cleanup() {
  local status=$?
  # Stop only what this script started, by the pids it recorded; slurmd first, then the controller, then munge.
  for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munged.pid"; do
    if [ -s "$pidfile" ]; then
      pid="$(cat "$pidfile")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [ "$status" != 0 ]; then
    echo "--- logs (test failed) ---" >&2
    tail -n 20 "$work"/*.log "$work"/parts/*.log >&2 2>/dev/null || true
  fi
  if [ "${HAIRCUT_CLUSTER_KEEP:-0}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
  say "daemons stopped (${started[*]:-none})"
  exit "$status"
}
trap cleanup EXIT

# A private munge: own key, socket, pid and log, so a munged that may already run here is left alone.
dd if=/dev/urandom of="$work/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge.key"
munged --force --key-file="$work/munge.key" --socket="$work/munge.socket" --pid-file="$work/munged.pid" \
  --log-file="$work/munged.log" --seed-file="$work/munge.seed"
started+=(munged)

host="$(hostname -s)"
cpus="$(nproc)"
mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
cat > "$work/slurm.conf" <<CONF
ClusterName=haircut-test
SlurmctldHost=$host
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge.socket
CredType=cred/munge
StateSaveLocation=$work/ctld-state
SlurmdSpoolDir=$work/slurmd-spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=600
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=haircut Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
mkdir -p "$work/ctld-state" "$work/slurmd-spool" "$work/parts"
export SLURM_CONF="$work/slurm.conf"

say "starting slurmctld and slurmd on $host ($cpus CPUs)"
slurmctld -f "$SLURM_CONF" -i
started+=(slurmctld)
slurmd -f "$SLURM_CONF"
started+=(slurmd)
for i in $(seq 60); do
  state="$(sinfo -h -n "$host" -o %t 2>/dev/null || true)"
  case "$state" in idle|mix|alloc) break ;; esac
  [ "$i" = 60 ] && { echo "node $host did not come up (state '$state')" >&2; exit 1; }
  sleep 1
done
say "node $host is $state"

# A small run: the default parameters with fewer accounts.
node -e '
  const p = JSON.parse(require("fs").readFileSync(0, "utf8"));
  p.population.accounts = Number(process.argv[1]);
  process.stdout.write(JSON.stringify(p, null, 2));
' "$accounts" < <(cd "$repo" && node --import tsx src/cli/simulate.ts --defaults) > "$work/params.json"

say "unsharded: simulate --paths $paths (one process)"
t0=$(date +%s.%N)
(cd "$repo" && node --import tsx src/cli/simulate.ts --params "$work/params.json" --paths "$paths" --seed 7 --json) > "$work/expected.json"
t1=$(date +%s.%N)
unsharded_s=$(echo "$t1 - $t0" | bc)

# Waits for the merge job queued by submit.sh (parts directory $1) to complete; fails on any other end state.
wait_for_merge() {
  local array_job merge_job merge_state
  read -r array_job merge_job < "$1/jobs"
  for i in $(seq 1800); do
    merge_state="$(scontrol show job "$merge_job" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -1)"
    case "$merge_state" in
      COMPLETED) say "array job $array_job and merge job $merge_job completed"; return 0 ;;
      FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE)
        echo "merge job $merge_job ended $merge_state" >&2
        scontrol show job "$array_job" >&2 || true
        return 1 ;;
    esac
    sleep 1
  done
  echo "timed out waiting for merge job $merge_job (state '$merge_state')" >&2
  return 1
}

same_bytes() {
  if cmp "$1" "$2"; then return 0; fi
  echo "FAIL: $3: the merged result differs from the unsharded one" >&2
  diff <(tr ',' '\n' < "$1") <(tr ',' '\n' < "$2") | head -20 >&2
  return 1
}

say "submitting $shards shards + merge"
t0=$(date +%s.%N)
HAIRCUT_PARTS="$work/parts" HAIRCUT_RESULT="$work/merged.json" "$repo/deploy/slurm/submit.sh" "$work/params.json" "$paths" "$shards" 7
wait_for_merge "$work/parts"
t1=$(date +%s.%N)
sharded_s=$(echo "$t1 - $t0" | bc)
tail -n 2 "$work"/parts/haircut-shard-*.log
same_bytes "$work/expected.json" "$work/merged.json" simulate
say "PASS simulate: merged result of $shards Slurm array tasks is byte for byte the unsharded result ($(wc -c < "$work/merged.json") bytes)"
printf 'timing: unsharded %.1f s; on Slurm (submit to merged, %s shards on %s CPUs) %.1f s\n' "$unsharded_s" "$shards" "$cpus" "$sharded_s"

# A sweep split by grid point: 6 values of the starting fund, 3 shards.
sweep_args="--param insuranceFund.initial --from 0 --to 2000000 --points 6"
sweep_paths=$(( paths / 10 > 0 ? paths / 10 : 1 ))
say "unsharded: sweep of 6 points at $sweep_paths paths"
# shellcheck disable=SC2086
(cd "$repo" && node --import tsx src/cli/sweep.ts --params "$work/params.json" --paths "$sweep_paths" --seed 7 $sweep_args --json) > "$work/sweep-expected.json"
say "submitting the sweep as 3 shards + merge"
HAIRCUT_COMMAND=sweep HAIRCUT_ARGS="$sweep_args" HAIRCUT_PARTS="$work/sweep-parts" HAIRCUT_RESULT="$work/sweep-merged.json" \
  "$repo/deploy/slurm/submit.sh" "$work/params.json" "$sweep_paths" 3 7
wait_for_merge "$work/sweep-parts"
same_bytes "$work/sweep-expected.json" "$work/sweep-merged.json" sweep
say "PASS sweep: merged result of 3 Slurm array tasks is byte for byte the unsharded sweep ($(wc -c < "$work/sweep-merged.json") bytes)"
