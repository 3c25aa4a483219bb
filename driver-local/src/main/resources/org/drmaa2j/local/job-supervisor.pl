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
#   F ID STEP ERROR   nothing runs: STEP (fork, chdir, stdin, stdout, stderr, exec) failed
#   R ID              the job's MARKER.started exists: another supervisor or wrapper started it
#   E PID             the job PID ended and its MARKER is written
#   L TEXT            something worth logging
# Before it forks, this process creates MARKER.started exclusively (link(2)), so that a job is
# never run twice, and opens the redirects (output files created and truncated): a forked copy of
# a Perl process pays a copy-on-write fault for each page it touches, so the child does only what
# must happen in it. The child restores the default signal handling, makes its own process group,
# changes to WORKDIR, puts the redirects in place and execs ARGV0 (searched on the PATH when it has
# no slash) with the environment set around the fork. A close-on-exec pipe tells this process
# whether the exec happened or which step failed; MARKER.started then holds the job's pid.
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
my $NO_SIGNALS = POSIX::SigSet->new();
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
    # Everything that can be done before the fork is done here: each step a forked copy of this
    # process takes costs it copy-on-write faults, which cost more than the step itself.
    my $started = "$marker.started";
    my $claim = claim($started);
    if (!defined $claim) {
        say_("R $id");
        return;
    }
    my @fds;
    my $refuse = sub {
        my ($step, $error) = @_;
        unlink $claim if $claim;
        say_("F $id $step $error");
        return;
    };
    return $refuse->('chdir', "$!") unless -d $dir;
    open(my $i, '<', $in eq '' ? '/dev/null' : $in) or return $refuse->('stdin', "$!");
    open(my $o, '>', $out eq '' ? '/dev/null' : $out) or return $refuse->('stdout', "$!");
    my $e = $o;
    if (!$join) {
        open(my $x, '>', $err eq '' ? '/dev/null' : $err) or return $refuse->('stderr', "$!");
        $e = $x;
    }
    my ($r, $w);
    return $refuse->('fork', "$!") unless pipe($r, $w);
    my %saved;
    for my $kv (@env) {
        my $eq = index($kv, '=');
        next unless $eq > 0;
        my $k = substr($kv, 0, $eq);
        $saved{$k} = $ENV{$k} unless exists $saved{$k};
        $ENV{$k} = substr($kv, $eq + 1);
    }
    my $start = time;
    my $pid = fork;
    if (defined $pid && $pid == 0) {
        child($w, $dir, fileno($i), fileno($o), fileno($e), \@argv);
    }
    my $forked = $!;
    for my $k (keys %saved) {
        if (defined $saved{$k}) { $ENV{$k} = $saved{$k}; } else { delete $ENV{$k}; }
    }
    close $w;
    close $i;
    close $o;
    close $e unless $join;
    if (!defined $pid) {
        close $r;
        return $refuse->('fork', "$forked");
    }
    record_pid($started, $pid) if $claim;
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
    my ($step, $error) = split /\t/, $why, 2;
    $refuse->($step, $error);
}

# In the forked child: as little as possible, then exec; never returns.
sub child {
    my ($w, $dir, $i, $o, $e, $argv) = @_;
    $SIG{$_} = 'DEFAULT' for qw(TERM INT HUP PIPE);
    POSIX::sigprocmask(POSIX::SIG_SETMASK(), $NO_SIGNALS);
    setpgrp(0, 0);
    chdir($dir) or fail($w, 'chdir', "$!");
    (POSIX::dup2($i, 0) && POSIX::dup2($o, 1) && POSIX::dup2($e, 2)) or fail($w, 'stdout', "$!");
    { exec { $argv->[0] } @$argv; }
    fail($w, 'exec', "$!");
}

sub fail {
    my ($w, $step, $error) = @_;
    syswrite($w, "$step\t$error");
    POSIX::_exit(127);
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
    chomp $line if defined $line; # exit_code is the last field: no newline in it
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

# Makes FILE exclusively (link(2) of a temporary file; O_EXCL where link fails otherwise), before
# anything runs. Returns its name when made, undef when it existed already (another supervisor or
# wrapper started the job), '' when it cannot be made at all (a full disk): then the job runs
# unclaimed, as it did before claims existed.
sub claim {
    my ($file) = @_;
    my $tmp = "$file.tmp$$";
    my $made = '';
    if (sysopen(my $fh, $tmp, POSIX::O_WRONLY() | POSIX::O_CREAT() | POSIX::O_TRUNC(), 0600)) {
        close $fh;
        if (link($tmp, $file)) {
            $made = $file;
        } elsif (-e $file) {
            $made = undef;
        } elsif (sysopen(my $x, $file, POSIX::O_WRONLY() | POSIX::O_CREAT() | POSIX::O_EXCL(), 0600)) {
            close $x;
            $made = $file;
        } elsif (-e $file) {
            $made = undef;
        }
        unlink $tmp;
    }
    return $made;
}

# Writes the job's pid into its claim FILE, atomically: until then the file is empty.
sub record_pid {
    my ($file, $pid) = @_;
    my $tmp = "$file.tmp$$";
    if (sysopen(my $fh, $tmp, POSIX::O_WRONLY() | POSIX::O_CREAT() | POSIX::O_TRUNC(), 0600)) {
        print $fh "$pid\n";
        rename($tmp, $file) if close $fh;
        unlink $tmp;
    }
}
