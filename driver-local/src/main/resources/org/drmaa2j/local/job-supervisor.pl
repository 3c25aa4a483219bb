# SPDX-License-Identifier: Apache-2.0
# drmaa2j local job supervisor: one long-lived process per local scheduler, started by it. Fixed
# text: job values reach it only as data on standard input and are never interpreted by a shell.
#
# Requests on standard input, one after the other: the payload's length in bytes as ASCII decimal
# and "\n", then the payload: NUL-separated fields
#   ID MARKER WORKDIR STDIN STDOUT STDERR JOIN NENV KEY=VALUE... ARGV0 ARG...
# (STDIN/STDOUT/STDERR empty for /dev/null; JOIN 1 sends standard error to standard output).
# Answers on standard output, one line each:
#   P ID PID          the job runs, as process PID (leader of its own process group)
#   F ID STEP ERROR   nothing runs: STEP (fork, claim, chdir, stdin, stdout, stderr, exec) failed
#   R ID              the job's MARKER.started exists: another supervisor or wrapper started it
#   E PID             the job PID ended and its MARKER is written
#   L TEXT            something worth logging
# The child first creates MARKER.started exclusively (link(2)) holding its pid, so that a job is
# never run twice; then it makes its own process group, restores the default signal handling,
# changes to WORKDIR, opens its redirects (output files created and truncated), sets the
# environment and execs ARGV0 (searched on the PATH when it has no slash). A close-on-exec pipe
# tells this process whether the exec happened or which step failed.
# When a job ends, its MARKER is written atomically (temporary file, rename) BEFORE the job is
# reaped: exit status and terminating signal apart, start and end time, and the CPU time of the
# job and its waited-for children, all read from the zombie's /proc/PID/stat (fields 52, 14-17).
# Whoever follows the job's pid from outside finds the marker once the pid is gone.
# This process ignores SIGTERM/SIGINT/SIGHUP and SIGPIPE. When its standard input ends (the
# managing process is gone) it runs on until its last job has ended and its marker is written.

use POSIX ();

$SIG{TERM} = 'IGNORE';
$SIG{INT} = 'IGNORE';
$SIG{HUP} = 'IGNORE';
$SIG{PIPE} = 'IGNORE';
my $chld = 0;
$SIG{CHLD} = sub { $chld = 1; };
setpgrp(0, 0);
$| = 1;
binmode STDIN;
binmode STDOUT;

my $HZ = POSIX::sysconf(POSIX::_SC_CLK_TCK()) || 100;
my $PROC = -r "/proc/$$/stat";
my %jobs; # pid => [marker, start time]
my $input = '';
my $open = 1;
my $talking = 1;

while ($open || %jobs) {
    $chld = 0;
    ended();
    last if !$open && !%jobs;
    my $rin = '';
    vec($rin, 0, 1) = 1 if $open;
    my $n = scalar(keys %jobs);
    my $timeout = $n ? ($n > 475 ? 1 : 0.05 + $n * 0.002) : undef;
    next if $chld; # a job ended while they were looked at
    # A job's end interrupts select (SIGCHLD). The timeout only covers an end whose signal arrives
    # in the few instructions between the check above and the system call (a scan of all running
    # jobs' /proc entries, hence longer the more jobs run).
    $n = select(my $rout = $rin, undef, undef, $timeout);
    next unless $open && $n > 0 && vec($rout, 0, 1);
    my $got = sysread(STDIN, $input, 65536, length $input);
    if (!defined $got) {
        next if $!{EINTR} || $!{EAGAIN};
        $open = 0;
    } elsif ($got == 0) {
        $open = 0;
    } else {
        requests();
    }
}
exit 0;

sub say_ {
    return unless $talking;
    my ($line) = @_;
    $line =~ s/[\r\n]/ /g;
    $talking = 0 unless print STDOUT "$line\n";
}

sub requests {
    while ($input =~ /\A(\d+)\n/) {
        my $len = $1;
        my $head = length($1) + 1;
        last if length($input) < $head + $len;
        my $payload = substr($input, $head, $len);
        substr($input, 0, $head + $len) = '';
        start(split /\0/, $payload, -1);
    }
}

sub start {
    my ($id, $marker, $dir, $in, $out, $err, $join, $nenv, @rest) = @_;
    my @env = splice(@rest, 0, $nenv || 0);
    my @argv = @rest;
    if (!defined $marker || !@argv) {
        say_("F $id request malformed request");
        return;
    }
    my ($r, $w);
    if (!pipe($r, $w)) {
        say_("F $id fork $!");
        return;
    }
    my $start = time;
    my $pid = fork;
    if (!defined $pid) {
        say_("F $id fork $!");
        close $r;
        close $w;
        return;
    }
    if ($pid == 0) {
        close $r;
        child($w, $marker, $dir, $in, $out, $err, $join, \@env, \@argv);
    }
    close $w;
    my $why = '';
    while (1) {
        my $k = sysread($r, $why, 512, length $why);
        last if defined $k && $k == 0;
        next if !defined $k && $!{EINTR};
        last unless defined $k;
    }
    close $r;
    if ($why eq '') {
        $jobs{$pid} = [$marker, $start];
        say_("P $id $pid");
        return;
    }
    reap($pid);
    if ($why =~ /\Aclaimed\t/) {
        say_("R $id");
    } else {
        my ($step, $error) = split /\t/, $why, 2;
        say_("F $id $step $error");
    }
}

# In the forked child: never returns.
sub child {
    my ($w, $marker, $dir, $in, $out, $err, $join, $env, $argv) = @_;
    $SIG{$_} = 'DEFAULT' for qw(TERM INT HUP PIPE CHLD);
    POSIX::sigprocmask(POSIX::SIG_SETMASK(), POSIX::SigSet->new());
    fail($w, 'claimed', '') if started_elsewhere("$marker.started");
    setpgrp(0, 0);
    chdir($dir) or fail($w, 'chdir', "$!");
    open(STDIN, '<', $in eq '' ? '/dev/null' : $in) or fail($w, 'stdin', "$!");
    open(STDOUT, '>', $out eq '' ? '/dev/null' : $out) or fail($w, 'stdout', "$!");
    if ($join) {
        open(STDERR, '>&', \*STDOUT) or fail($w, 'stderr', "$!");
    } else {
        open(STDERR, '>', $err eq '' ? '/dev/null' : $err) or fail($w, 'stderr', "$!");
    }
    for my $kv (@$env) {
        my $eq = index($kv, '=');
        $ENV{substr($kv, 0, $eq)} = substr($kv, $eq + 1) if $eq > 0;
    }
    { exec { $argv->[0] } @$argv; }
    fail($w, 'exec', "$!");
}

sub fail {
    my ($w, $step, $error) = @_;
    syswrite($w, "$step\t$error");
    POSIX::_exit($step eq 'claimed' ? 125 : 127);
}

# Every job that has ended: marker first, then reap, then tell.
sub ended {
    for my $pid (keys %jobs) {
        my $z = $PROC ? zombie($pid) : 0;
        next unless defined $z; # runs
        if (ref $z && defined $z->[0]) {
            record($jobs{$pid}, $z->[0], $z->[1]);
            # the wait status is the thread group's: it differs only where the main thread ended first
            record($jobs{$pid}, $?, $z->[1]) if reap($pid) && $? != $z->[0];
        } else {
            # no /proc, or no exit_code field (Linux before 3.5): reap, then record from the wait status
            my (undef, undef, $cu0, $cs0) = times;
            my $got = waitpid($pid, ref $z ? 0 : 1); # 1: WNOHANG
            next if $got == 0 || ($got == -1 && $!{EINTR});
            if ($got == $pid) {
                my $status = $?;
                my (undef, undef, $cu1, $cs1) = times;
                record($jobs{$pid}, $status, ref $z ? $z->[1] : ($cu1 - $cu0) + ($cs1 - $cs0));
            }
        }
        delete $jobs{$pid};
        say_("E $pid");
    }
}

# Waits for PID; true when it was reaped here ($? holds its wait status).
sub reap {
    my ($pid) = @_;
    my $got;
    do { $got = waitpid($pid, 0); } until ($got == $pid || ($got == -1 && !$!{EINTR}));
    return $got == $pid;
}

# For an ended (zombie) child: [wait status or undef, CPU seconds]; undef while it runs; 0 when
# /proc does not tell.
sub zombie {
    my ($pid) = @_;
    open(my $fh, '<', "/proc/$pid/stat") or return 0;
    my $line = <$fh>;
    close $fh;
    return 0 unless defined $line;
    my $paren = rindex($line, ')');
    my @f = split / /, substr($line, $paren + 2);
    # a zombie main thread while other threads run (num_threads, field 20) is no end yet
    return undef unless ($f[0] eq 'Z' || $f[0] eq 'X') && (!defined $f[17] || $f[17] <= 1);
    my $cpu = ($f[11] + $f[12] + $f[13] + $f[14]) / $HZ;
    my $code = $f[49];
    $code = undef unless defined $code && $code =~ /\A\d+\z/;
    return [$code, $cpu];
}

sub record {
    my ($job, $status, $cpu) = @_;
    my ($marker, $start) = @$job;
    my $signal = $status & 127;
    my $exit = $signal ? '' : (($status >> 8) & 255);
    my $tmp = "$marker.tmp$$";
    if (sysopen(my $fh, $tmp, POSIX::O_WRONLY() | POSIX::O_CREAT() | POSIX::O_TRUNC(), 0600)) {
        printf $fh "exit=%s\nsignal=%d\nstart=%d\nend=%d\ncpu=%.3f\n", $exit, $signal, $start, time, $cpu;
        if (close $fh) {
            rename($tmp, $marker) or do { say_("L cannot write the record $marker: $!"); unlink $tmp; };
        } else {
            say_("L cannot write the record $marker: $!");
            unlink $tmp;
        }
    } else {
        say_("L cannot write the record $marker: $!");
    }
}

# Makes FILE holding this process's pid, exclusively; true when it existed already. Where the
# file cannot be made at all (a full disk), the job runs unclaimed, as it did before claims existed.
sub started_elsewhere {
    my ($file) = @_;
    my $tmp = "$file.tmp$$";
    my $exists = 0;
    if (sysopen(my $fh, $tmp, POSIX::O_WRONLY() | POSIX::O_CREAT() | POSIX::O_TRUNC(), 0600)) {
        print $fh "$$\n";
        if (close $fh) {
            if (!link($tmp, $file)) {
                $exists = -e $file;
                $exists = exclusive($file) if !$exists;
            }
        }
        unlink $tmp;
    }
    return $exists;
}

# Where link(2) failed for another reason: O_EXCL; true when the file exists.
sub exclusive {
    my ($file) = @_;
    if (sysopen(my $fh, $file, POSIX::O_WRONLY() | POSIX::O_CREAT() | POSIX::O_EXCL(), 0600)) {
        print $fh "$$\n";
        close $fh;
        return 0;
    }
    return -e $file;
}
