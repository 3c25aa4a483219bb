#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Runs the hand checks recorded in VERIFIED.md against a running container of this image and
# prints each command with its literal output and exit code. Needs javac (17+) on this machine
# for the DRMAA Java check. Usage: verify.sh CONTAINER
set -u
C=${1:?container name or id}
HERE=$(cd "$(dirname "$0")" && pwd)
run() {
  echo "\$ $*"
  docker exec -u drmaa -w /home/drmaa "$C" "$@" 2>&1
  echo "[exit $?]"
  echo
}
quiet() { docker exec -u drmaa -w /home/drmaa "$C" "$@" 2>/dev/null; }

docker exec "$C" sh -c 'printf "#!/bin/bash\nexit 3\n" > /home/drmaa/exit3.sh; printf "#!/bin/bash\nsleep 300\n" > /home/drmaa/sleep.sh; chown drmaa: /home/drmaa/*.sh'

echo '## Version and queue'; echo
run sh -c 'qstat -help | head -n 1'
run qstat -f
run qconf -sql

echo '## Exit status 3 through qsub and qacct'; echo
run qsub exit3.sh
J=$(quiet qsub -terse exit3.sh); echo "\$ qsub -terse exit3.sh"; echo "$J"; echo
sleep 5
run qstat
run qacct -j "$J"

echo '## Hold, release, suspend, delete'; echo
H=$(quiet qsub -terse -h sleep.sh); echo "\$ qsub -terse -h sleep.sh"; echo "$H"; echo
R=$(quiet qsub -terse sleep.sh); echo "\$ qsub -terse sleep.sh"; echo "$R"; echo
sleep 3
run qstat
run qmod -sj "$R"
sleep 1
run qstat
run qmod -usj "$R"
run qhold "$R"
run qstat -j "$H"
run qrls "$H"
sleep 3
run qstat
run qdel "$H" "$R"
sleep 3
run qstat -j "$R"
run qacct -j "$R"

echo '## Errors'; echo
run qsub -q nosuch.q sleep.sh
run qdel 999999
run qstat -j 999999

echo '## libdrmaa in a JVM through the Debian Java binding (org.ggf.drmaa)'; echo
TMP=$(mktemp -d)
docker cp "$C:/usr/share/java/drmaa.jar" "$TMP/drmaa.jar"
javac --release 17 -cp "$TMP/drmaa.jar" -d "$TMP" "$HERE/verify/DrmaaCheck.java"
docker cp "$TMP/DrmaaCheck.class" "$C:/home/drmaa/DrmaaCheck.class"
rm -rf "$TMP"
run ls -l /usr/lib/jni/libdrmaa.so /usr/lib/gridengine-drmaa/lib/libdrmaa.so.1.0
run java -cp /usr/share/java/drmaa.jar:. DrmaaCheck
run env GLIBC_TUNABLES=glibc.rtld.optional_static_tls=16384 java -cp /usr/share/java/drmaa.jar:. DrmaaCheck
run env LD_PRELOAD=libjemalloc.so.2 java -cp /usr/share/java/drmaa.jar:. DrmaaCheck
