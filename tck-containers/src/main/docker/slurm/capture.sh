#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Captures, from a running container of this image, the verbatim output of every command the Slurm
# driver runs, with the command lines and formats the driver uses, over jobs in every state a test
# needs: pending, running, held, held array, array with failed tasks, failed (exit 3, exit 255),
# killed by a signal, cancelled while running and while pending, timed out, done. (Out of memory
# cannot be provoked here: without cgroups Slurm does not enforce --mem; with
# JobAcctGatherParams=OverMemoryKill, Slurm 20.11 still let a job 20x over its request complete.)
# Writes one file per command into OUTDIR; the first line of each names its source (SOURCE: ...),
# and jobs.txt maps each kind of job to its id.
#   capture.sh CONTAINER OUTDIR
# For the capture only, the container's slurm.conf is changed (then `scontrol reconfigure`):
# MinJobAge=900, so that squeue still lists the first jobs when the slow ones end. No other
# setting changes.
set -euo pipefail
C=${1:?container}
OUT=${2:?output directory}
mkdir -p "$OUT"

SQUEUE_FORMAT='JobArrayID:0|,State:0|,Reason:0|,exit_code:0|,Partition:0|,NumCPUs:0|,NodeList:0|,SubmitTime:0|,StartTime:0|,EndTime:0|,UserName:0|,Name:0'
SACCT_FORMAT='jobid,state,exitcode,partition,alloccpus,nodelist,submit,start,end,elapsed,totalcpu,user,jobname'
NODE_FORMAT='%N|%X|%Y|%Z|%m|%O|%T'

u() { docker exec -u drmaa -w /home/drmaa "$C" "$@"; }
root() { docker exec "$C" "$@"; }
VERSION=$(u squeue --version)
DEBIAN=$(root cat /etc/debian_version)
SOURCE="drmaa2j tck slurm container (Debian $DEBIAN, $VERSION), user drmaa"

# save NAME COMMAND...: runs the command as drmaa, writes "SOURCE: ... : command" then its stdout
# (and stderr after a line "[stderr]" when there is any, and "[exit N]" when it is not 0).
save() {
  local name=$1; shift
  local out err rc=0
  out=$(mktemp); err=$(mktemp)
  u "$@" >"$out" 2>"$err" || rc=$?
  {
    echo "SOURCE: $SOURCE: $*${NOTE:+ ($NOTE)}"
    cat "$out"
    if [ -s "$err" ]; then echo "[stderr]"; cat "$err"; fi
    if [ "$rc" -ne 0 ]; then echo "[exit $rc]"; fi
  } >"$OUT/$name.txt"
  rm -f "$out" "$err"
}

state() { u squeue -h -j "$1" -o %T 2>/dev/null || true; }
wait_state() { # id state... : up to 10 minutes
  local id=$1; shift
  for _ in $(seq 1 1200); do
    local s; s=$(state "$id")
    for w in "$@"; do [ "$s" = "$w" ] && return 0; done
    sleep 0.5
  done
  echo "capture: job $id never reached $* (now $(state "$id"))" >&2; exit 1
}
accounted() { # id: waits until sacct shows the job ended
  for _ in $(seq 1 600); do
    case "$(u sacct -n -X -P -j "$1" -o State 2>/dev/null | head -n 1)" in
      ""|PENDING|RUNNING|COMPLETING|REQUEUED|SUSPENDED) sleep 0.5 ;;
      *) return 0 ;;
    esac
  done
  echo "capture: job $1 not accounted" >&2; exit 1
}

root sed -i -e 's/^MinJobAge=.*/MinJobAge=900/' /etc/slurm/slurm.conf
root scontrol reconfigure
sleep 2

sb() { u sbatch --parsable "$@"; }
declare -A JOB
JOB[timeout]=$(sb --time=1 -J timeout --wrap 'sleep 600')
JOB[exit3]=$(sb -J exit3 --wrap 'exit 3')
JOB[exit255]=$(sb -J exit255 --wrap 'exit 255')
JOB[kill9]=$(sb -J kill9 --wrap 'kill -9 $$')
JOB[done]=$(sb -J done --wrap 'true')
JOB[array]=$(sb -J array --array=1-3 --wrap 'exit $SLURM_ARRAY_TASK_ID')
JOB[cancelled_running]=$(sb -J cancelled_running --wrap 'sleep 600')
JOB[cancelled_pending]=$(sb -J cancelled_pending --begin=now+1hour --wrap 'true')
JOB[running]=$(sb -J running -p batch --wrap 'sleep 900')
JOB[pending]=$(sb -J pending --begin=now+1hour --wrap 'true')
JOB[held]=$(sb -J held --hold --wrap 'true')
JOB[held_array]=$(sb -J held_array --hold --array=1-2 --wrap 'true')
JOB[name_with_bar]=$(sb --hold -J 'a name | with a bar' --wrap 'true')
# submissions labelled as the driver labels them (job comment drmaa2j:<tag>), as the tag lookup finds them
JOB[tagged_done]=$(sb -J tagged_done --comment=drmaa2j:0a1b2c3d4e5f.00112233aabb --wrap 'true')
JOB[tagged_held_array]=$(sb -J tagged_held_array --hold --array=1-2 --comment=drmaa2j:0a1b2c3d4e5f.ccddeeff0011 --wrap 'true')

wait_state "${JOB[cancelled_running]}" RUNNING
u scancel "${JOB[cancelled_running]}" "${JOB[cancelled_pending]}"
wait_state "${JOB[running]}" RUNNING
for j in exit3 exit255 kill9 done tagged_done cancelled_running cancelled_pending timeout; do accounted "${JOB[$j]}"; done
for t in 1 2 3; do accounted "${JOB[array]}_$t"; done
sleep 2

{
  echo "SOURCE: $SOURCE: job kinds and ids of the captures in this directory, with the state sacct gives each"
  for k in "${!JOB[@]}"; do echo "$k=${JOB[$k]} $(u sacct -n -X -P -j "${JOB[$k]}" -o State | head -n 1)"; done | sort
} >"$OUT/jobs.txt"
ALL=$(for k in "${!JOB[@]}"; do echo "${JOB[$k]}"; done | sort -n | paste -sd,)

NOTE="" save squeue_version squeue --version
NOTE="" save sinfo_version sinfo --version
NOTE="status query, all states" save squeue_status env SLURM_TIME_FORMAT=%s squeue --noheader --array --states=all "--Format=$SQUEUE_FORMAT" --me
NOTE="jobs the controller forgot" save sacct_status env SLURM_TIME_FORMAT=%s sacct --parsable2 --noheader --allocations "--jobs=$ALL" "--format=$SACCT_FORMAT"
NOTE="with steps" save sacct_steps env SLURM_TIME_FORMAT=%s sacct --parsable2 --noheader "--jobs=$ALL" "--format=$SACCT_FORMAT"
NOTE="header, for the field names" save sacct_header sacct --parsable2 --allocations "--jobs=${JOB[exit3]}" "--format=$SACCT_FORMAT"
for k in exit3 exit255 kill9 timeout cancelled_running cancelled_pending running pending held; do
  NOTE="$k" save "scontrol_show_job_$k" env SLURM_TIME_FORMAT=%s scontrol --oneliner show job "${JOB[$k]}"
done
NOTE="array" save scontrol_show_job_array env SLURM_TIME_FORMAT=%s scontrol --oneliner show job "${JOB[array]}"
NOTE="tag lookup" save squeue_tags squeue --me --noheader --array --states=all --format=%F\|%k
NOTE="tag lookup" save sacct_tags sacct --noheader --parsable2 --allocations --format=JobID,Comment --starttime=now-3600
NOTE="partitions" save sinfo_partitions sinfo --noheader --format=%R
NOTE="nodes" save sinfo_nodes sinfo --noheader --Node "--format=$NODE_FORMAT"
NOTE="ordinary user" save sacctmgr_adminlevel_none sacctmgr --noheader --parsable2 show user drmaa format=AdminLevel
NOTE="ordinary user" save scontrol_create_reservation_denied scontrol create reservation ReservationName=capture-denied StartTime=now Duration=10 Users=drmaa CoreCnt=1
root sacctmgr -i modify user drmaa set adminlevel=Operator >/dev/null
NOTE="after sacctmgr modify user drmaa set adminlevel=Operator" save sacctmgr_adminlevel_operator sacctmgr --noheader --parsable2 show user drmaa format=AdminLevel
NOTE="as an operator" save scontrol_create_reservation scontrol create reservation ReservationName=capture-1 StartTime=now Duration=00:10:00 Users=drmaa CoreCnt=2
NOTE="" save scontrol_show_reservation env SLURM_TIME_FORMAT=%s scontrol show reservation capture-1
NOTE="unknown name" save scontrol_show_reservation_unknown env SLURM_TIME_FORMAT=%s scontrol show reservation nosuch
NOTE="the form every release takes" save scontrol_delete_reservation scontrol delete ReservationName=capture-1
NOTE="" save scontrol_delete_reservation_form2 scontrol delete reservation capture-1
NOTE="unknown name" save scontrol_delete_reservation_unknown scontrol delete ReservationName=nosuch
NOTE="none left" save scontrol_show_reservation_none env SLURM_TIME_FORMAT=%s scontrol show reservation
root sacctmgr -i modify user drmaa set adminlevel=None >/dev/null
u sh -c 'printf "#!/bin/bash\ntrue\n" > capture.sh'
NOTE="" save sbatch_parsable sbatch --parsable --hold capture.sh
NOTE="" save sbatch_parsable_array sbatch --parsable --hold --array=1-3%2 capture.sh
NOTE="" save sbatch_plain sbatch --hold capture.sh
NOTE="" save sbatch_bad_partition sbatch --parsable -p nosuch capture.sh
NOTE="" save sbatch_bad_time sbatch --parsable --time=bogus capture.sh
NOTE="" save scontrol_hold_unknown scontrol hold 999999
NOTE="" save scancel_unknown scancel 999999
u sh -c 'scancel -u "$(id -un)"'
echo "capture: $VERSION -> $OUT" >&2
