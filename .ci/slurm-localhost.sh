#!/usr/bin/env bash
# Brings up a single-node Slurm on this machine for the `slurm`-tagged test (docs/cluster.md).
#
# Installs Debian's slurm-wlm and munge when sbatch is missing, writes /etc/slurm/slurm.conf for
# one node (this host, all its cores), starts munged, slurmctld and slurmd, and waits until the
# node takes jobs. Needs root and apt. Safe to run twice: a Slurm that already answers is left alone.
# Exit 0: Slurm is up (sinfo shows the node idle). Non-zero: it is not, and the reason is printed.
set -euo pipefail

log() { echo "slurm-localhost: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "needs root (to install packages and start daemons); not starting Slurm"
  exit 3
fi

if ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  if ! command -v apt-get >/dev/null; then
    log "no sbatch and no apt-get; cannot install slurm-wlm"
    exit 3
  fi
  log "installing slurm-wlm and munge from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi

if pgrep -x slurmd >/dev/null && scontrol ping 2>/dev/null | grep -q 'is UP' && sinfo -h -o '%T' 2>/dev/null | grep -Eq 'idle|mixed|alloc'; then
  log "Slurm already up: $(sinfo -h -o '%N %T %c')"
  exit 0
fi

host=$(hostname -s)
cpus=$(nproc)
# leave 1 GiB to the system; slurmd refuses a node that reports less memory than configured
mem_mb=$(( $(awk '/MemTotal/ {print int($2/1024)}' /proc/meminfo) - 1024 ))

# munge: Debian's package makes the key; the daemon runs as user munge, never as root
if [ ! -s /etc/munge/munge.key ]; then
  mungekey --create --keyfile=/etc/munge/munge.key
  chown munge:munge /etc/munge/munge.key
  chmod 0400 /etc/munge/munge.key
fi
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged
  sleep 1
fi
munge -n | unmunge >/dev/null || { log "munged does not answer"; exit 4; }

install -d -m 0755 /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/slurm
# linuxproc/none plugins: containers often lack a writable cgroup tree, and one node needs no fencing
cat > /etc/slurm/slurm.conf <<EOF
# written by .ci/slurm-localhost.sh: a one-node cluster on localhost for tests
ClusterName=localhost
SlurmctldHost=${host}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurm/slurmctld.pid
SlurmdPidFile=/run/slurm/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=10
Waittime=0
NodeName=${host} NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=${mem_mb} State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
# no cgroup.conf: 22.05 autodetects; its "CgroupPlugin=disabled" does not exist yet (slurmd refuses it)

pgrep -x slurmctld >/dev/null || slurmctld -c
pgrep -x slurmd >/dev/null || slurmd -c

for _ in $(seq 1 30); do
  if sinfo -h -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)'; then
    log "Slurm $(sinfo --version | awk '{print $2}') up: $(sinfo -h -o '%N %T cpus=%c mem=%mMB')"
    exit 0
  fi
  sleep 1
done
log "node did not become idle; state: $(sinfo -h -o '%N %T %E' 2>&1 || true)"
tail -n 20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
exit 5
