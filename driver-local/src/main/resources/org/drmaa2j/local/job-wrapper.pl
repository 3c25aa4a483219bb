# SPDX-License-Identifier: Apache-2.0
# drmaa2j local job wrapper. Fixed text: job values reach it only as argv entries.
# Usage: perl job-wrapper.pl MARKER COMMAND [ARG]...
# First creates MARKER.started exclusively with its pid: if that file exists, another wrapper has
# started this job already (its managing process died while starting it and another took over),
# and this one exits 125 without running anything.
# Makes itself the leader of a new process group, runs COMMAND in it, waits, and writes MARKER
# atomically (temporary file, rename): exit status and terminating signal separately, start and
# end time, the job's CPU time. The wrapper ignores SIGTERM/SIGINT/SIGHUP from its first line on
# (the job gets the default handling back before exec), so terminating the group ends the job
# while the wrapper survives to write the record.
# It loads no module (each costs more than the rest of the wrapper): the started file is made
# exclusive by link(2), which fails when the name exists; Fcntl's O_EXCL only where the file
# system refuses hard links.

$SIG{TERM} = 'IGNORE';
$SIG{INT} = 'IGNORE';
$SIG{HUP} = 'IGNORE';
my $marker = shift @ARGV;
die "usage: job-wrapper.pl MARKER COMMAND [ARG]...\n" unless defined $marker && @ARGV;
if (started_elsewhere("$marker.started")) {
    print STDERR "drmaa2j: the job was started by another wrapper\n";
    exit 125;
}
setpgrp(0, 0);
my $start = time;
my $pid = fork;
if (!defined $pid) {
    print STDERR "drmaa2j: cannot fork: $!\n";
    record(127, 0);
    exit 127;
}
if ($pid == 0) {
    $SIG{TERM} = 'DEFAULT';
    $SIG{INT} = 'DEFAULT';
    $SIG{HUP} = 'DEFAULT';
    { exec { $ARGV[0] } @ARGV; }
    print STDERR "drmaa2j: cannot run $ARGV[0]: $!\n";
    exit 127; # no END block, destructor or buffered output to run twice
}
my $got;
do { $got = waitpid($pid, 0); } until ($got == $pid || $got == -1);
my $status = $?;
my $signal = $status & 127;
my $code = $signal ? '' : ($status >> 8);
record($code, $signal);
exit($signal ? 128 + $signal : $code);

sub record {
    my ($exit, $sig) = @_;
    my (undef, undef, $cuser, $csys) = times;
    umask 077;
    my $tmp = "$marker.tmp$$";
    if (open(my $fh, '>', $tmp)) {
        printf $fh "exit=%s\nsignal=%d\nstart=%d\nend=%d\ncpu=%.3f\n", $exit, $sig, $start, time, $cuser + $csys;
        if (close $fh) {
            rename($tmp, $marker) or unlink $tmp;
        } else {
            unlink $tmp;
        }
    }
}

# Makes FILE holding this wrapper's pid, exclusively; true when it existed already.
sub started_elsewhere {
    my ($file) = @_;
    my $old = umask 077;
    my $tmp = "$file.tmp$$";
    my $exists = 0;
    if (open(my $fh, '>', $tmp)) {
        print $fh "$$\n";
        if (close $fh) {
            if (!link($tmp, $file)) {
                $exists = -e $file;
                $exists = exclusive($file) if !$exists;
            }
        }
        unlink $tmp;
    }
    umask $old;
    return $exists;
}

# Where link(2) failed for another reason: O_EXCL; true when the file exists.
sub exclusive {
    my ($file) = @_;
    require Fcntl;
    if (sysopen(my $fh, $file, Fcntl::O_WRONLY() | Fcntl::O_CREAT() | Fcntl::O_EXCL(), 0600)) {
        print $fh "$$\n";
        close $fh;
        return 0;
    }
    return -e $file;
}
