#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Runs the hand checks recorded in VERIFIED.md against a running container of this image and
# prints each command with its literal output and exit code. Usage: verify.sh CONTAINER
set -u
C=${1:?container name or id}
run() { # prints "$ cmd", the output (stdout+stderr) and the exit code; commands run as drmaa
  echo "\$ $*"
  docker exec -u drmaa -w /home/drmaa "$C" "$@" 2>&1
  echo "[exit $?]"
  echo
}
quiet() { docker exec -u drmaa -w /home/drmaa "$C" "$@" 2>/dev/null; }
state() { quiet squeue -h -j "$1" -o %T; }
wait_state() { for _ in $(seq 1 60); do [ "$(state "$1")" = "$2" ] && return; sleep 0.5; done; }
wait_gone() { for _ in $(seq 1 60); do case "$(quiet sacct -n -X -P -j "$1" -o State)" in ""|PENDING|RUNNING|COMPLETING) sleep 0.5;; *) return;; esac; done; }

docker exec "$C" sh -c 'printf "#!/bin/bash\nexit 3\n" > /home/drmaa/exit3.sh; printf "#!/bin/bash\necho SLURM_GPUS_ON_NODE=\$SLURM_GPUS_ON_NODE CUDA_VISIBLE_DEVICES=\$CUDA_VISIBLE_DEVICES\n" > /home/drmaa/gpu.sh; printf "#!/bin/bash\nsleep 300\n" > /home/drmaa/sleep.sh; chown drmaa: /home/drmaa/*.sh'

echo '## Version and partitions'; echo
run sinfo -V
run sinfo

echo '## Exit status 3 through sbatch and sacct'; echo
run cat exit3.sh
J=$(quiet sbatch --parsable exit3.sh); echo "\$ sbatch --parsable exit3.sh"; echo "$J"; echo "[exit 0]"; echo
wait_gone "$J"; sleep 1
run sacct -P -j "$J" --format=JobID,State,ExitCode

echo '## Fake GPU'; echo
G=$(quiet sbatch --parsable --gres=gpu:1 -o gpu-%j.out gpu.sh); echo "\$ sbatch --parsable --gres=gpu:1 -o gpu-%j.out gpu.sh"; echo "$G"; echo
wait_gone "$G"; sleep 1
run cat "gpu-$G.out"
run sacct -P -j "$G" --format=JobID,State,ExitCode,AllocTRES%60

echo '## squeue on both partitions'; echo
D=$(quiet sbatch --parsable -p debug sleep.sh); B=$(quiet sbatch --parsable -p batch sleep.sh)
echo "\$ sbatch --parsable -p debug sleep.sh"; echo "$D"; echo "\$ sbatch --parsable -p batch sleep.sh"; echo "$B"; echo
wait_state "$D" RUNNING; wait_state "$B" RUNNING
run squeue
run squeue -p debug,batch -h -o '%i|%P|%T|%r'

echo '## Suspend as a user: scontrol refuses, scancel -s STOP/CONT works'; echo
run scontrol suspend "$D"
run scancel -s STOP "$D"
sleep 1
run squeue -j "$D" -o '%i|%P|%T|%r'
run scancel -s CONT "$D"
sleep 1
run squeue -j "$D" -o '%i|%P|%T|%r'

echo '## Hold and release'; echo
H=$(quiet sbatch --parsable --hold sleep.sh); echo "\$ sbatch --parsable --hold sleep.sh"; echo "$H"; echo
run squeue -j "$H" -o '%i|%T|%r'
run scontrol release "$H"
wait_state "$H" RUNNING
run squeue -j "$H" -o '%i|%T|%r'
run scancel "$D" "$B" "$H"
sleep 2
P=$(quiet sbatch --parsable -p batch sleep.sh); echo "\$ sbatch --parsable -p batch sleep.sh"; echo "$P"; echo
run scontrol hold "$P"
run squeue -j "$P" -o '%i|%T|%r'
run scontrol release "$P"
run squeue -j "$P" -o '%i|%T|%r'
run scancel "$P"
sleep 2
run sacct -P -j "$D,$P" -X --format=JobID,State,ExitCode

echo '## Torque wrappers (slurm-wlm-torque)'; echo
run qsub exit3.sh
run qsub -q batch sleep.sh
sleep 2
run qstat
Q=$(quiet sbatch --parsable --begin=now+1hour sleep.sh)
echo "\$ sbatch --parsable --begin=now+1hour sleep.sh"; echo "$Q"; echo
run qhold "$Q"
run squeue -j "$Q" -o '%i|%T|%r'
run qstat -f "$Q"
run qrls "$Q"
run squeue -j "$Q" -o '%i|%T|%r'
run qdel "$Q"
R=$(quiet squeue -h -p batch -o %i | tail -n 1)
run qdel "$R"

echo '## Errors'; echo
run sbatch -p nosuch sleep.sh
run squeue -j 999999
run scancel 999999
run scancel -v 999999

echo "## A finished job after MinJobAge (60 s) and the controller's purge"; echo
sleep 150
run squeue -j "$J"
run squeue -j "$J,$G"
run sacct -P -j "$J" -X --format=JobID,State,ExitCode
