#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Starts munge, MariaDB, slurmdbd, slurmctld, slurmd and sshd in that order, registers the
# cluster in the accounting database, and prints "SLURM READY" once the node is idle and
# sacct answers. Environment:
#   SSH_AUTHORIZED_KEYS  public key line(s) allowed to log in as user drmaa (optional)
set -euo pipefail

LOG_FILES="/var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log /var/log/slurm/slurmdbd.log /var/log/mysql-error.log"
. /usr/local/lib/drmaa2j/cluster-lib.sh

[ "$(hostname)" = localhost ] || fail "the container's hostname must be 'localhost' (docker run --hostname localhost), not '$(hostname)'"

install -d -o slurm -g slurm /run/slurm
install -d -o munge -g munge -m 755 /run/munge
install -d -o mysql -g mysql /run/mysqld

# Fake GPUs for gres.conf.
touch /dev/nvidia0 /dev/nvidia1

# munge: a key of this container's own.
if [ ! -s /etc/munge/munge.key ]; then
  mungekey --create --keyfile=/etc/munge/munge.key
  chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
fi
runuser -u munge -- /usr/sbin/munged
wait_for 10 munged munge -n

# MariaDB, local socket only.
[ -d /var/lib/mysql/mysql ] || mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
/usr/sbin/mariadbd --user=mysql --skip-networking --innodb-buffer-pool-size=64M \
  --log-error=/var/log/mysql-error.log >/dev/null 2>&1 &
wait_for 60 MariaDB mariadb-admin ping
mariadb <<'SQL'
CREATE DATABASE IF NOT EXISTS slurm_acct_db;
CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY 'slurmdb';
GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';
SQL

slurmdbd
wait_for 60 slurmdbd sacctmgr -n list cluster
if [ -z "$(sacctmgr -n -P list cluster format=Cluster where cluster=drmaa2j)" ]; then
  sacctmgr -i add cluster drmaa2j >/dev/null
  sacctmgr -i add account drmaa Cluster=drmaa2j Description=tests Organization=drmaa2j >/dev/null
  sacctmgr -i add user drmaa Account=drmaa DefaultAccount=drmaa >/dev/null
fi

slurmctld
wait_for 60 slurmctld scontrol ping
slurmd
node_ready() { sinfo -h -n localhost -o %T | grep -qE '^(idle|mixed|allocated)$'; }
wait_for 60 "node localhost to be idle" node_ready
wait_for 60 sacct sacct -n -a -X -S now

start_sshd

touch /run/slurm/ready
echo "SLURM READY $(sinfo -V)"
exec tail -n 0 -F /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log /var/log/slurm/slurmdbd.log
